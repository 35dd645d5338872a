import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconHeartbeat } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { daysUntil, formatDate, formatMoney } from '../../../ui/format';
import { ListScreen } from '../../../ui/ListScreen';
import { PageHeader } from '../../../ui/PageHeader';
import { SortableTh } from '../../../ui/SortableTh';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { useMemberOptions } from '../../team/api';
import { GRADE_LABELS, HEALTH_GRADES, options } from '../labels';
import { usePortfolio, type PortfolioRow } from './api';
import { GradeDistributionChart } from './GradeDistributionChart';
import { formatScore, GradeBadge, ScoreChange } from './parts';
import { usePortfolioFilters, type PortfolioFilterKey, type PortfolioSort } from './use-portfolio-filters';

const COLUMNS = 9;

/** Every account's health, worst first by default, with the grade mix over the last 90 days. */
export function PortfolioPage() {
  const navigate = useNavigate();
  const filters = usePortfolioFilters();
  const portfolio = usePortfolio(filters.query);
  const members = useMemberOptions();
  const rows = portfolio.data?.pages.flatMap((p) => p.items) ?? [];

  const setFilter = (key: PortfolioFilterKey, value: string | null) => filters.setFilter(key, value);
  const th = (column: PortfolioSort, label: string, align?: 'right') => (
    <SortableTh active={filters.sort === column} order={filters.direction} onSort={() => filters.setSort(column)} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <>
      <PageHeader
        title="Health portfolio"
        description="Every account’s health score and grade, what moved in 30 days and the measure that costs most."
      />
      <GradeDistributionChart segment={filters.query.segment} />
      <ListScreen
        exportTo={{ path: '/api/health/portfolio/export', query: filters.query }}
        header={
          <FilterBar
            search={{ placeholder: 'Account name', value: filters.values.q, onSearch: (q) => setFilter('q', q) }}
            active={filters.active}
            onClear={filters.clear}
          >
            <Select
              label="Grade"
              placeholder="Any"
              clearable
              data={options(HEALTH_GRADES, GRADE_LABELS)}
              value={filters.values.grade ?? null}
              onChange={(v) => setFilter('grade', v)}
              w={filterWidth(140)}
            />
            <Select
              label="Segment"
              placeholder="Any"
              clearable
              data={options(SEGMENTS, SEGMENT_LABELS)}
              value={filters.values.segment ?? null}
              onChange={(v) => setFilter('segment', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Owner"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={filters.values.owner ?? null}
              onChange={(v) => setFilter('owner', v)}
              w={filterWidth(190)}
            />
          </FilterBar>
        }
        query={portfolio}
        rowCount={rows.length}
        columns={COLUMNS}
        minWidth={1120}
        tableProps={{ 'aria-label': 'Health portfolio' }}
        head={
          <>
            {th('name', 'Account')}
            {th('score', 'Score', 'right')}
            <Table.Th w={110}>Grade</Table.Th>
            {th('change', 'Change (30 days)')}
            <Table.Th>Segment</Table.Th>
            {th('arr', 'ARR', 'right')}
            <Table.Th>Owner</Table.Th>
            {th('renewal', 'Renewal')}
            <Table.Th>Top driver</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconHeartbeat size={18} />}
            title={filters.active ? 'No accounts match these filters' : 'No accounts yet'}
            description={filters.active ? 'Try a different search or clear the filters.' : 'Accounts appear here with their health score.'}
          />
        }
        footer={
          <Group justify="space-between" px="md" pb="md">
            <Text size="sm" c="dimmed">
              {rows.length} shown
            </Text>
            {portfolio.hasNextPage && (
              <Button variant="default" size="xs" loading={portfolio.isFetchingNextPage} onClick={() => void portfolio.fetchNextPage()}>
                Load more
              </Button>
            )}
          </Group>
        }
      >
        {rows.map((row) => (
          <PortfolioTableRow key={row.account.id} row={row} onOpen={() => navigate(`/accounts/${row.account.id}`)} />
        ))}
      </ListScreen>
    </>
  );
}

function PortfolioTableRow({ row, onOpen }: { row: PortfolioRow; onOpen: () => void }) {
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.account.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
          {row.account.name}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} fw={600}>
        {row.score === null ? '—' : formatScore(row.score)}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <GradeBadge grade={row.grade} style={{ flexShrink: 0 }} />
          {row.overridden && (
            <Text size="xs" c="dimmed" title="The grade is set by hand until the override expires">
              overridden
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <ScoreChange change={row.changeThirtyDays} style={{ whiteSpace: 'nowrap' }} />
      </Table.Td>
      <Table.Td>{SEGMENT_LABELS[row.account.segment]}</Table.Td>
      <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(row.account.arr)}</Table.Td>
      <Table.Td>
        {row.owner?.name ?? (
          <Text size="sm" c="dimmed">
            Unassigned
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RenewalCell date={row.renewalDate} />
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={2} c={row.topDriver ? undefined : 'dimmed'}>
          {row.topDriver ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function RenewalCell({ date }: { date: string | null }) {
  if (!date)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const days = daysUntil(date);
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(date)}
      </Text>
      <Text size="xs" c={days < 0 ? 'dimmed' : days <= 30 ? 'red' : days <= 90 ? 'orange' : 'dimmed'}>
        {days < 0 ? `${-days} days ago` : days === 0 ? 'today' : `in ${days} days`}
      </Text>
    </>
  );
}
