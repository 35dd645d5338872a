import { Anchor, Badge, Button, Card, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { HOSTING_LABELS, useAccountEnvironments } from './api';
import { BehindBadge } from './parts';
import { RegisterEnvironmentModal } from './RegisterEnvironmentModal';

/** The account's environments with version, versions behind and last upgrade. */
export function AccountEnvironmentsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const environments = useAccountEnvironments(accountId);
  const [registering, setRegistering] = useState(false);

  return (
    <Card component="section" aria-label="Environments">
      <Group justify="space-between" mb="md">
        <Title order={4}>Environments</Title>
        {can('environments.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRegistering(true)}>
            Register environment
          </Button>
        )}
      </Group>
      {environments.isPending && <Skeleton height={100} />}
      {environments.isError && <QueryError error={environments.error} onRetry={() => void environments.refetch()} />}
      {environments.isSuccess && environments.data.length === 0 && (
        <EmptyState
          icon={<IconServer2 size={18} />}
          title="No environments registered"
          description="Register the customer’s production, staging and other installs to track versions and upgrades."
        />
      )}
      {environments.isSuccess && environments.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Environment</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Behind latest</Table.Th>
                <Table.Th>Hosting</Table.Th>
                <Table.Th>Last upgrade</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {environments.data.map((env) => (
                <Table.Tr key={env.id} data-testid={`environment-row-${env.name}`} opacity={env.status === 'decommissioned' ? 0.55 : 1}>
                  <Table.Td>
                    <Anchor component={Link} to={`/environments/${env.id}`} size="sm" fw={500}>
                      {env.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {env.product}
                      {env.status === 'decommissioned' ? ' · decommissioned' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">{env.version}</Text>
                      {!env.versionSupported && (
                        <Badge size="xs" color="red" variant="outline">
                          EOL
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <BehindBadge behind={env.versionsBehind} latest={env.latestVersion} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{HOSTING_LABELS[env.hosting]}</Text>
                    {env.region && (
                      <Text size="xs" c="dimmed">
                        {env.region}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(env.lastUpgradedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RegisterEnvironmentModal accountId={accountId} opened={registering} onClose={() => setRegistering(false)} />
    </Card>
  );
}
