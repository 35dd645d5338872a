import { Anchor, Button, Card, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { useAccount } from '../../accounts/api';
import { useEngagements } from './api';
import { BurnBar, EngagementStatusBadge, GoLiveCell } from './EngagementBadges';
import { EngagementFormModal } from './EngagementFormModal';
import { KIND_LABELS } from './labels';

/** The account's engagements on its page: status, go-live and burn, with a way to start a new one. */
export function AccountEngagementsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const engagements = useEngagements({ accountId, limit: 50 });
  const [createOpen, create] = useDisclosure();
  const items = engagements.data?.items ?? [];

  return (
    <Card component="section" aria-label="Engagements">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconTimeline size={18} />
          <Title order={4}>Engagements</Title>
        </Group>
        {can('delivery.write') && account.data && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={create.open}>
            New engagement
          </Button>
        )}
      </Group>
      {engagements.isPending && <Skeleton height={80} />}
      {engagements.isError && <QueryError error={engagements.error} onRetry={() => void engagements.refetch()} />}
      {engagements.isSuccess && items.length === 0 && (
        <EmptyState title="No engagements" description="Implementations, services and proofs of concept for this account appear here." />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Account engagements" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Go-live</Table.Th>
                <Table.Th>Budget</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/engagements/${e.id}`} size="sm" fw={600}>
                      {e.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {KIND_LABELS[e.kind]} · {e.lead?.name ?? 'No lead'} · {e.progress.done}/{e.progress.total} tasks
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <EngagementStatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>
                    <GoLiveCell
                      target={e.targetGoLiveDate}
                      projected={e.projectedGoLiveDate}
                      actual={e.actualGoLiveDate}
                      slipDays={e.slipDays}
                    />
                  </Table.Td>
                  <Table.Td>
                    <BurnBar logged={e.loggedHours} budget={e.budgetHours} w={120} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {account.data && (
        <EngagementFormModal
          opened={createOpen}
          onClose={create.close}
          account={{ id: account.data.id, name: account.data.name }}
          onSaved={(e) => navigate(`/engagements/${e.id}`)}
        />
      )}
    </Card>
  );
}
