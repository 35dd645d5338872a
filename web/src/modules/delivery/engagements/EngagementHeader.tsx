import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useUpdateEngagement, type Engagement } from './api';
import { EngagementStatusBadge, SlipText } from './EngagementBadges';
import { EngagementFormModal } from './EngagementFormModal';
import { KIND_LABELS, STATUS_LABELS, STATUSES } from './labels';

export function EngagementHeader({ engagement }: { engagement: Engagement }) {
  const { can } = useAuth();
  const [editOpen, edit] = useDisclosure();
  const update = useUpdateEngagement(engagement.id);
  const writable = can('delivery.write');

  const setStatus = (status: (typeof STATUSES)[number]) =>
    update.mutate(
      { status },
      {
        onSuccess: () => notifySuccess(`Status set to ${STATUS_LABELS[status].toLowerCase()}.`),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <Card component="section" aria-label="Engagement summary">
      <Stack gap="md">
        <Breadcrumbs>
          <Anchor component={Link} to="/engagements" size="sm">
            Engagements
          </Anchor>
          <Text size="sm">{engagement.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {engagement.name}
            </Title>
            <Group gap="xs">
              {writable ? (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      px={0}
                      rightSection={<IconChevronDown size={14} />}
                      aria-label={`Status: ${STATUS_LABELS[engagement.status]}`}
                      loading={update.isPending}
                    >
                      <EngagementStatusBadge status={engagement.status} size="md" />
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>Set status</Menu.Label>
                    {STATUSES.map((s) => (
                      <Menu.Item key={s} disabled={s === engagement.status} onClick={() => setStatus(s)}>
                        {STATUS_LABELS[s]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              ) : (
                <EngagementStatusBadge status={engagement.status} size="md" />
              )}
              <Text size="sm" c="dimmed">
                {KIND_LABELS[engagement.kind]} for{' '}
                <Anchor component={Link} to={`/accounts/${engagement.account.id}`} size="sm">
                  {engagement.account.name}
                </Anchor>
              </Text>
            </Group>
            {engagement.description && (
              <Text size="sm" c="dimmed" maw={720}>
                {engagement.description}
              </Text>
            )}
          </Stack>
          {writable && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open} style={{ flexShrink: 0 }}>
              Edit engagement
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="lg">
          <Fact label="Lead">{engagement.lead?.name ?? <Text c="dimmed">Unassigned</Text>}</Fact>
          <Fact label="Team">
            {engagement.members.length ? engagement.members.map((m) => m.name).join(', ') : <Text c="dimmed">Nobody else</Text>}
          </Fact>
          <Fact label="Start">{formatDate(engagement.startDate)}</Fact>
          <Fact label="Target go-live">{formatDate(engagement.targetGoLiveDate)}</Fact>
          <Fact label={engagement.actualGoLiveDate ? 'Went live' : 'Projected go-live'}>
            {formatDate(engagement.actualGoLiveDate ?? engagement.projectedGoLiveDate)}{' '}
            {!engagement.actualGoLiveDate && <SlipText days={engagement.slipDays} size="sm" />}
          </Fact>
          <Fact label="Contract start">{formatDate(engagement.contractStartDate)}</Fact>
        </SimpleGrid>
      </Stack>
      <EngagementFormModal opened={editOpen} onClose={edit.close} engagement={engagement} />
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" fw={500} size="sm">
        {children}
      </Text>
    </Stack>
  );
}
