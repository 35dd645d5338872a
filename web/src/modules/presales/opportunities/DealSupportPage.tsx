import { Anchor, Badge, Card, Group, Select, SimpleGrid, Skeleton, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { formatDate, humanize } from '../../../ui/format';
import { ListScreen } from '../../../ui/ListScreen';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { useMemberOptions } from '../../team/api';
import {
  DEAL_SUPPORT_KINDS,
  DEAL_SUPPORT_KIND_LABELS,
  DEAL_SUPPORT_STATUSES,
  DEAL_SUPPORT_STATUS_LABELS,
  options,
  useDealSupportQueue,
  useEngineerLoad,
  type DealSupportQueueParams,
  type EngineerLoad,
} from './api';
import { DueDate } from './DueDate';
import { RequestStatusBadge } from './OpportunityBadges';
import { RequestActions } from './RequestActions';

const FILTERS = ['status', 'kind', 'assigneeId', 'mine'] as const;
const COLUMNS = 7;

/**
 * The pre-sales team's queue (Vivun-style): every request for a demo, a PoC, an RFP or a review,
 * soonest due first, and each engineer's open load above it.
 */
export function DealSupportPage() {
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const members = useMemberOptions();
  const v = filters.values;
  // Open requests unless a status is chosen ("all" shows every status).
  const status = v.status === 'all' ? undefined : ((v.status ?? 'open') as DealSupportQueueParams['status']);
  const queueQuery = {
    status,
    kind: v.kind as DealSupportQueueParams['kind'],
    assigneeId: v.assigneeId,
    mine: v.mine === 'true' ? 'true' : undefined,
    cursor: filters.cursor,
    limit: 50,
  } satisfies DealSupportQueueParams;
  const queue = useDealSupportQueue(queueQuery);
  const setFilter = (key: (typeof FILTERS)[number], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };
  const items = queue.data?.items ?? [];
  const canWrite = can('presales.write');

  return (
    <>
      <PageHeader title="Deal support" description="What account teams asked the pre-sales engineers for, and who holds how much." />
      <LoadBoard selected={v.assigneeId} onSelect={(id) => setFilter('assigneeId', id)} />
      <Title order={3} size="h4" mb="xs" mt="lg">
        Queue
      </Title>
      <ListScreen
        exportTo={{ path: '/api/deal-support/export', query: queueQuery }}
        header={
          <FilterBar
            active={filters.active}
            onClear={() => {
              pages.reset();
              filters.clear();
            }}
          >
            <Select
              label="Status"
              data={[
                { value: 'open', label: 'Open' },
                ...options(DEAL_SUPPORT_STATUSES, DEAL_SUPPORT_STATUS_LABELS),
                { value: 'all', label: 'Any status' },
              ]}
              allowDeselect={false}
              value={v.status ?? 'open'}
              onChange={(s) => setFilter('status', s === 'open' ? null : s)}
              w={filterWidth(150)}
            />
            <Select
              label="Kind"
              placeholder="Any"
              clearable
              data={options(DEAL_SUPPORT_KINDS, DEAL_SUPPORT_KIND_LABELS)}
              value={v.kind ?? null}
              onChange={(s) => setFilter('kind', s)}
              w={filterWidth(180)}
            />
            <Select
              label="Engineer"
              placeholder="Anyone"
              clearable
              searchable
              data={[{ value: 'none', label: 'Not assigned' }, ...members.options]}
              value={v.assigneeId ?? null}
              onChange={(s) => setFilter('assigneeId', s)}
              w={filterWidth(190)}
            />
            <Switch
              label="Mine"
              checked={v.mine === 'true'}
              onChange={(e) => setFilter('mine', e.currentTarget.checked ? 'true' : null)}
              mb={8}
            />
          </FilterBar>
        }
        query={queue}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={1080}
        tableProps={{ 'aria-label': 'Deal-support queue' }}
        head={
          <>
            <Table.Th>Request</Table.Th>
            <Table.Th miw={120}>Status</Table.Th>
            <Table.Th miw={130}>Engineer</Table.Th>
            <Table.Th miw={130}>Due</Table.Th>
            <Table.Th ta="right">Hours</Table.Th>
            <Table.Th miw={130}>Asked by</Table.Th>
            {canWrite && <Table.Th miw={170}>Actions</Table.Th>}
          </>
        }
        empty={
          <EmptyState
            icon={<IconHeadset size={18} />}
            title={filters.active ? 'No requests match these filters' : 'The queue is clear'}
            description="Requests are made from an opportunity’s overview (“Request support”)."
          />
        }
        pager={{ pages, nextCursor: queue.data?.nextCursor }}
      >
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td maw={360}>
              <Text size="sm" fw={600}>
                {DEAL_SUPPORT_KIND_LABELS[r.kind]}: {r.title}
              </Text>
              <Text size="xs">
                <Anchor component={Link} to={`/presales/opportunities/${r.opportunity.id}`}>
                  {r.opportunity.name}
                </Anchor>
                <Text span c="dimmed">
                  {' '}
                  · {r.opportunity.accountName}
                </Text>
              </Text>
              {r.declineReason && (
                <Text size="xs" c="red">
                  Declined: {r.declineReason}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <RequestStatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>
              {r.assignee?.name ?? (
                <Text c="dimmed" size="sm">
                  Not assigned
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <DueDate date={r.dueDate} overdue={r.overdue} />
            </Table.Td>
            <Table.Td ta="right">{r.estimatedHours ?? '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{r.requestedBy?.name ?? '—'}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(r.createdAt)}
              </Text>
            </Table.Td>
            {canWrite && (
              <Table.Td>
                <RequestActions request={r} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </ListScreen>
    </>
  );
}

/** Each engineer's open load; a card filters the queue to that engineer (again to clear it). */
function LoadBoard({ selected, onSelect }: { selected: string | undefined; onSelect: (id: string | null) => void }) {
  const load = useEngineerLoad();
  if (load.isError) return <QueryError error={load.error} onRetry={() => void load.refetch()} />;
  return (
    <Stack gap="xs" component="section" aria-label="Engineer load">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          Load per engineer
        </Title>
        {load.data && (
          <Text size="sm" c="dimmed">
            This week ends {formatDate(load.data.weekEnds)}
            {load.data.unassigned.openRequests > 0 &&
              ` · ${load.data.unassigned.openRequests} open not assigned (${load.data.unassigned.estimatedHoursOpen} h)`}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
        {load.isPending && [1, 2, 3].map((n) => <Skeleton key={n} height={110} />)}
        {load.data?.items.map((e) => (
          <LoadCard
            key={e.engineer.id}
            load={e}
            active={selected === e.engineer.id}
            onClick={() => onSelect(selected === e.engineer.id ? null : e.engineer.id)}
          />
        ))}
      </SimpleGrid>
      {load.isSuccess && load.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No engineer holds a request or sits on an open deal yet.
        </Text>
      )}
    </Stack>
  );
}

function LoadCard({ load: e, active, onClick }: { load: EngineerLoad; active: boolean; onClick: () => void }) {
  return (
    <UnstyledButton onClick={onClick} aria-pressed={active} aria-label={`Load of ${e.engineer.name}`}>
      <Card withBorder padding="sm" style={{ outline: active ? '2px solid var(--mantine-primary-color-filled)' : undefined }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} size="sm" truncate>
            {e.engineer.name}
          </Text>
          {e.overdue > 0 && (
            <Badge color="red" size="sm" variant="light">
              {e.overdue} overdue
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {e.roles.map(humanize).join(', ') || 'Member'}
        </Text>
        <SimpleGrid cols={3} spacing={4} mt="xs">
          <Figure label="Open" value={e.openRequests} />
          <Figure label="Hours" value={e.estimatedHoursOpen} hint={e.unestimated ? `+${e.unestimated} unestimated` : undefined} />
          <Figure label="This week" value={e.dueThisWeek} />
        </SimpleGrid>
      </Card>
    </UnstyledButton>
  );
}

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Stack gap={0}>
      <Text fw={700} size="lg" lh={1.2} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
