import { Anchor, Badge, Button, Card, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SEGMENT_LABELS } from '../../accounts/labels';
import { HOSTING_LABELS, useEnvironment, useEnvironmentTickets, type Environment } from './api';
import { ConfigurationCard } from './ConfigurationCard';
import { CustomisationsCard } from './CustomisationsCard';
import { EditEnvironmentModal } from './EditEnvironmentModal';
import { BehindBadge, StateBadge } from './parts';

export function EnvironmentPage() {
  const { id = '' } = useParams();
  const env = useEnvironment(id);
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);

  if (env.isPending) return <Skeleton height={400} />;
  if (env.isError) {
    if (env.error instanceof ApiError && env.error.status === 404) return <NotFoundPage />;
    return <QueryError error={env.error} onRetry={() => void env.refetch()} />;
  }
  const data = env.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={
          <Group gap="sm">
            <span>
              {data.account.name} · {data.name}
            </span>
            {data.status === 'decommissioned' && <Badge color="gray">Decommissioned</Badge>}
          </Group>
        }
        description={
          <>
            <Anchor component={Link} to={`/accounts/${data.account.id}`} size="sm">
              {data.account.name}
            </Anchor>{' '}
            · {SEGMENT_LABELS[data.account.segment]} · {data.product}
          </>
        }
        actions={
          can('environments.write') && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Overview env={data} />
            <ConfigurationCard env={data} />
            <CustomisationsCard env={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <ContactsCard env={data} />
            <CampaignsCard env={data} />
            {can('tickets.read') && <TicketsCard environmentId={data.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <EditEnvironmentModal env={data} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}

function Overview({ env }: { env: Environment }) {
  const rows: [string, React.ReactNode][] = [
    [
      'Version',
      <Group gap="xs" key="v">
        <Text fw={600} data-testid="environment-version">
          {env.version}
        </Text>
        {!env.versionSupported && (
          <Badge color="red" variant="outline" size="sm">
            End of life
          </Badge>
        )}
      </Group>,
    ],
    ['Versions behind latest', <BehindBadge key="b" behind={env.versionsBehind} latest={env.latestVersion} />],
    ['Latest release', env.latestVersion ?? '—'],
    ['Hosting', `${HOSTING_LABELS[env.hosting]}${env.region ? ` · ${env.region}` : ''}`],
    [
      'Last upgrade',
      <span key="u" data-testid="last-upgrade">
        {formatDate(env.lastUpgradedAt)}
      </span>,
    ],
    ['Registered', `${formatDate(env.createdAt)}${env.createdBy ? ` by ${env.createdBy.name}` : ''}`],
  ];
  return (
    <Card component="section" aria-label="Overview">
      <Title order={4} mb="sm">
        Overview
      </Title>
      <Table variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={220}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function ContactsCard({ env }: { env: Environment }) {
  return (
    <Card component="section" aria-label="Contacts responsible">
      <Title order={4} mb="sm">
        Contacts responsible
      </Title>
      {env.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody named yet; failure tickets go to the account’s first contact.
        </Text>
      ) : (
        <Stack gap="xs">
          {env.contacts.map((c, i) => (
            <div key={c.id}>
              <Text size="sm" fw={500}>
                {c.name}{' '}
                {i === 0 && (
                  <Badge size="xs" variant="light">
                    main
                  </Badge>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {c.title ? `${c.title} · ` : ''}
                {c.email}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function CampaignsCard({ env }: { env: Environment }) {
  return (
    <Card component="section" aria-label="Upgrade campaigns">
      <Title order={4} mb="sm">
        Upgrade campaigns
      </Title>
      {env.campaigns.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not in any campaign yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {env.campaigns.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <div>
                <Anchor component={Link} to={`/campaigns/${c.id}`} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.fromVersion} → {c.targetVersion} · {formatDate(c.updatedAt)}
                </Text>
              </div>
              <StateBadge state={c.state} />
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TicketsCard({ environmentId }: { environmentId: string }) {
  const tickets = useEnvironmentTickets(environmentId);
  return (
    <Card component="section" aria-label="Linked tickets">
      <Title order={4} mb="sm">
        Linked tickets
      </Title>
      {tickets.isPending && <Skeleton height={60} />}
      {tickets.isError && <QueryError error={tickets.error} />}
      {tickets.isSuccess && tickets.data.length === 0 && (
        <EmptyState title="No tickets linked" description="Failed upgrades open a ticket here automatically." />
      )}
      {tickets.isSuccess && tickets.data.length > 0 && (
        <Stack gap="sm">
          {tickets.data.map((t) => (
            <div key={t.id}>
              <Anchor component={Link} to={`/tickets/${t.id}`} size="sm" fw={500}>
                #{t.number} {t.subject}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t.status} · {t.priority} · {formatDateTime(t.createdAt)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
