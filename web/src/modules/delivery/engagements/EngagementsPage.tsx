import { useState } from 'react';
import { Anchor, Button, Card, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useDebouncedSearch } from '../../../ui/use-debounced-search';
import { IconPlus, IconSearch, IconTimeline } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useMemberOptions } from '../../team/api';
import { useEngagements } from './api';
import { BurnBar, EngagementStatusBadge, GoLiveCell, TaskProgress } from './EngagementBadges';
import { EngagementFormModal } from './EngagementFormModal';
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES, options } from './labels';
import { useEngagementFilters } from './use-engagement-filters';

const COLUMNS = 7;

export function EngagementsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const filters = useEngagementFilters();
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const engagements = useEngagements(filters.query);
  const members = useMemberOptions();
  const [createOpen, create] = useDisclosure();

  const [search, setSearch] = useState(filters.values.q ?? '');
  // The URL (and so the request) follows the search box once typing pauses.
  const applySearch = useDebouncedSearch((value: string) => {
    pages.reset();
    filters.setFilter('q', value.trim());
  });
  const setFilter = (key: Parameters<typeof filters.setFilter>[0], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };

  const items = engagements.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Engagements"
        description="Implementations, services, proofs of concept and field work: plan, budget and go-live at a glance."
        actions={
          can('delivery.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              New engagement
            </Button>
          )
        }
      />
      <Card p={0}>
        <Group p="md" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Engagement name"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
            style={{ flex: '1 1 220px' }}
          />
          <Select label="Kind" placeholder="Any" clearable data={options(KINDS, KIND_LABELS)} value={filters.values.kind ?? null} onChange={(v) => setFilter('kind', v)} w={190} />
          <Select label="Status" placeholder="Any" clearable data={options(STATUSES, STATUS_LABELS)} value={filters.values.status ?? null} onChange={(v) => setFilter('status', v)} w={150} />
          <Select label="Lead" placeholder="Anyone" clearable searchable data={members.options} value={filters.values.lead ?? null} onChange={(v) => setFilter('lead', v)} w={190} />
          <Switch
            label="At risk only"
            checked={filters.values.atRisk === 'true'}
            onChange={(e) => setFilter('atRisk', e.currentTarget.checked ? 'true' : null)}
            mb={8}
          />
          {filters.active && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                pages.reset();
                filters.clear();
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
        {engagements.isError ? (
          <Stack p="md">
            <QueryError error={engagements.error} onRetry={() => void engagements.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table style={{ opacity: engagements.isPlaceholderData ? 0.6 : 1 }} aria-busy={engagements.isFetching} aria-label="Engagements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Engagement</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Lead</Table.Th>
                  <Table.Th>Go-live (target · projected)</Table.Th>
                  <Table.Th>Budget burn</Table.Th>
                  <Table.Th>Tasks</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {engagements.isPending && <SkeletonRows columns={COLUMNS} rows={8} />}
                {items.map((e) => (
                  <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/engagements/${e.id}`)}>
                    <Table.Td>
                      <Anchor component={Link} to={`/engagements/${e.id}`} fw={600} onClick={(ev) => ev.stopPropagation()}>
                        {e.name}
                      </Anchor>
                      <Text size="xs">
                        <Anchor component={Link} to={`/accounts/${e.account.id}`} c="dimmed" onClick={(ev) => ev.stopPropagation()}>
                          {e.account.name}
                        </Anchor>
                      </Text>
                    </Table.Td>
                    <Table.Td>{KIND_LABELS[e.kind]}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <EngagementStatusBadge status={e.status} />
                        {e.atRisk && e.status !== 'at_risk' && (
                          <Text size="xs" c="orange" fw={600}>
                            At risk
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{e.lead?.name ?? <Text size="sm" c="dimmed">Unassigned</Text>}</Table.Td>
                    <Table.Td>
                      <GoLiveCell target={e.targetGoLiveDate} projected={e.projectedGoLiveDate} actual={e.actualGoLiveDate} slipDays={e.slipDays} />
                    </Table.Td>
                    <Table.Td>
                      <BurnBar logged={e.loggedHours} budget={e.budgetHours} />
                    </Table.Td>
                    <Table.Td>
                      <TaskProgress done={e.progress.done} total={e.progress.total} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {engagements.isSuccess && items.length === 0 && (
          <EmptyState
            icon={<IconTimeline size={18} />}
            title={filters.active ? 'No engagements match these filters' : 'No engagements yet'}
            description={filters.active ? 'Try a different search or clear the filters.' : 'Start one from a template to lay out a dated plan.'}
          />
        )}
        {engagements.isSuccess && (items.length > 0 || pages.hasPrevious) && (
          <Stack px="md" pb="md">
            <CursorPager
              page={pages.page}
              shown={items.length}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(engagements.data.nextCursor)}
              onPrevious={pages.previous}
              onNext={() => engagements.data.nextCursor && pages.next(engagements.data.nextCursor)}
            />
          </Stack>
        )}
      </Card>
      <EngagementFormModal opened={createOpen} onClose={create.close} onSaved={(e) => navigate(`/engagements/${e.id}`)} />
    </>
  );
}
