import { Anchor, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { ListScreen } from '../../../ui/ListScreen';
import { formatDate, formatMoney, formatMoneyCompact } from '../../../ui/format';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { useMemberOptions } from '../../team/api';
import {
  OPPORTUNITY_STAGES,
  STAGE_COLORS,
  STAGE_LABELS,
  TECHNICAL_WIN_LABELS,
  TECHNICAL_WIN_STATUSES,
  options,
  useOpportunities,
  usePipeline,
  type OpportunityListParams,
  type Pipeline,
} from './api';
import { StageBadge, TechnicalWinBadge } from './OpportunityBadges';
import { OpportunityFormModal } from './OpportunityFormModal';

const FILTERS = ['q', 'stage', 'open', 'salesEngineerId', 'solutionsArchitectId', 'technicalWin', 'sort'] as const;
const SORT_OPTIONS = [
  { value: 'close_date', label: 'Close date (soonest)' },
  { value: 'arr', label: 'ARR (largest)' },
  { value: 'updated', label: 'Last changed' },
];
const COLUMNS = 7;
const deals = (n: number) => `${n} ${n === 1 ? 'deal' : 'deals'}`;

/** The pipeline: every deal with its stage, ARR, close date and technical win; totals per stage above. */
export function OpportunitiesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const members = useMemberOptions();
  const [createOpen, create] = useDisclosure();
  const v = filters.values;
  // Open deals by default; "all" and "closed" are chosen explicitly. A stage filter speaks for itself.
  const open = v.stage ? undefined : v.open === 'all' ? undefined : v.open === 'closed' ? 'false' : 'true';
  const shared = {
    q: v.q,
    salesEngineerId: v.salesEngineerId,
    solutionsArchitectId: v.solutionsArchitectId,
    technicalWin: v.technicalWin as OpportunityListParams['technicalWin'],
  };
  const listQuery = {
    ...shared,
    stage: v.stage as OpportunityListParams['stage'],
    open,
    sort: (v.sort as OpportunityListParams['sort']) ?? 'close_date',
    cursor: filters.cursor,
    limit: 50,
  } satisfies OpportunityListParams;
  const list = useOpportunities(listQuery);
  // Every stage, closed ones too, for the same search and team filters as the list.
  const pipeline = usePipeline(shared);
  const setFilter = (key: (typeof FILTERS)[number], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };
  const items = list.data?.items ?? [];

  return (
    <>
      {/* Not the kit's PageHeader: its row does not wrap, and the button would push past a phone's edge. */}
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>Opportunities</Title>
          <Text c="dimmed" size="sm">
            {pipeline.data
              ? `Open pipeline ${formatMoney(pipeline.data.open.arr)} in ${deals(pipeline.data.open.count)} · won ${formatMoney(pipeline.data.won.arr)}`
              : 'Deals, their stage and the technical win.'}
          </Text>
        </Stack>
        {can('presales.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            New opportunity
          </Button>
        )}
      </Group>
      <PipelineStrip pipeline={pipeline.data} loading={pipeline.isPending} selected={v.stage} onSelect={(s) => setFilter('stage', s)} />
      <ListScreen
        exportTo={{ path: '/api/opportunities/export', query: listQuery }}
        header={
          <FilterBar
            search={{ placeholder: 'Deal or account name', value: v.q, onSearch: (q) => setFilter('q', q) }}
            active={filters.active}
            onClear={() => {
              pages.reset();
              filters.clear();
            }}
          >
            <Select
              label="Stage"
              placeholder="Any"
              clearable
              data={options(OPPORTUNITY_STAGES, STAGE_LABELS)}
              value={v.stage ?? null}
              onChange={(s) => setFilter('stage', s)}
              w={filterWidth(180)}
            />
            <Select
              label="Show"
              data={[
                { value: 'open', label: 'Open deals' },
                { value: 'closed', label: 'Closed deals' },
                { value: 'all', label: 'All deals' },
              ]}
              allowDeselect={false}
              disabled={Boolean(v.stage)}
              value={v.open ?? 'open'}
              onChange={(s) => setFilter('open', s === 'open' ? null : s)}
              w={filterWidth(140)}
            />
            <Select
              label="Sales engineer"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={v.salesEngineerId ?? null}
              onChange={(s) => setFilter('salesEngineerId', s)}
              w={filterWidth(180)}
            />
            <Select
              label="Solutions architect"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={v.solutionsArchitectId ?? null}
              onChange={(s) => setFilter('solutionsArchitectId', s)}
              w={filterWidth(180)}
            />
            <Select
              label="Technical win"
              placeholder="Any"
              clearable
              data={options(TECHNICAL_WIN_STATUSES, TECHNICAL_WIN_LABELS)}
              value={v.technicalWin ?? null}
              onChange={(s) => setFilter('technicalWin', s)}
              w={filterWidth(150)}
            />
            <Select
              label="Sort"
              data={SORT_OPTIONS}
              allowDeselect={false}
              value={v.sort ?? 'close_date'}
              onChange={(s) => setFilter('sort', s === 'close_date' ? null : s)}
              w={filterWidth(180)}
            />
          </FilterBar>
        }
        query={list}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={960}
        tableProps={{ 'aria-label': 'Opportunities', highlightOnHover: true }}
        head={
          <>
            <Table.Th>Opportunity</Table.Th>
            <Table.Th miw={180}>Stage</Table.Th>
            <Table.Th ta="right">ARR</Table.Th>
            <Table.Th miw={110}>Close date</Table.Th>
            <Table.Th miw={130}>Technical win</Table.Th>
            <Table.Th>Sales engineer</Table.Th>
            <Table.Th>Solutions architect</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconBriefcase size={18} />}
            title={filters.active ? 'No opportunities match these filters' : 'No open opportunities'}
            description={filters.active ? 'Try a different search or clear the filters.' : 'Create one here or from an account page.'}
          />
        }
        pager={{ pages, nextCursor: list.data?.nextCursor }}
      >
        {items.map((o) => (
          <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/presales/opportunities/${o.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/presales/opportunities/${o.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                {o.name}
              </Anchor>
              <Text size="xs">
                <Anchor component={Link} to={`/accounts/${o.account.id}`} c="dimmed" onClick={(e) => e.stopPropagation()}>
                  {o.account.name}
                </Anchor>
              </Text>
            </Table.Td>
            <Table.Td>
              <StageBadge stage={o.stage} />
            </Table.Td>
            <Table.Td ta="right">{formatMoney(o.arr)}</Table.Td>
            <Table.Td>{formatDate(o.closeDate)}</Table.Td>
            <Table.Td>
              <TechnicalWinBadge status={o.technicalWin} bare />
            </Table.Td>
            <Table.Td>
              {o.salesEngineer?.name ?? (
                <Text c="dimmed" size="sm">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {o.solutionsArchitect?.name ?? (
                <Text c="dimmed" size="sm">
                  —
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListScreen>
      <OpportunityFormModal opened={createOpen} onClose={create.close} onSaved={(o) => navigate(`/presales/opportunities/${o.id}`)} />
    </>
  );
}

/** Count and ARR per stage; a click filters the list to the stage (again to clear it). */
function PipelineStrip({
  pipeline,
  loading,
  selected,
  onSelect,
}: {
  pipeline: Pipeline | undefined;
  loading: boolean;
  selected: string | undefined;
  onSelect: (stage: string | null) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 4, lg: 7 }} spacing="xs" mb="md" aria-label="Pipeline by stage" component="section">
      {OPPORTUNITY_STAGES.map((stage) => {
        const figures = pipeline?.stages.find((s) => s.stage === stage);
        const active = selected === stage;
        return (
          <UnstyledButton
            key={stage}
            onClick={() => onSelect(active ? null : stage)}
            aria-pressed={active}
            aria-label={`${STAGE_LABELS[stage]}: ${deals(figures?.count ?? 0)}, ${formatMoney(figures?.arr ?? 0)}`}
          >
            <Card
              padding="xs"
              withBorder
              style={{
                borderTop: `3px solid var(--mantine-color-${STAGE_COLORS[stage]}-5)`,
                outline: active ? '2px solid var(--mantine-primary-color-filled)' : undefined,
              }}
            >
              <Text size="xs" c="dimmed" fw={600} truncate>
                {STAGE_LABELS[stage]}
              </Text>
              {loading ? (
                <Skeleton height={20} mt={4} />
              ) : (
                <Group gap={6} align="baseline" wrap="nowrap">
                  <Text fw={700} size="lg">
                    {formatMoneyCompact(figures?.arr ?? 0)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {deals(figures?.count ?? 0)}
                  </Text>
                </Group>
              )}
            </Card>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
