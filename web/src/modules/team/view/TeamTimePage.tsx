import { Card, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconClockHour4 } from '@tabler/icons-react';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { useRoles, useTeams, type Role } from '../api';
import { useTimeSummary, type TimeSummary } from './api';
import { CategoryLegend } from './CategoryLegend';
import { hours, percent } from './categories';
import { MemberTimeList, utilisationColor } from './MemberTimeList';
import { TimeTrendCard } from './TimeTrendCard';

const FILTERS = ['role', 'team', 'from', 'to'] as const;

function Totals({ summary }: { summary: TimeSummary | undefined }) {
  const t = summary?.totals;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg" spacing="sm">
      <StatCard label="Logged" loading={!t} value={t ? hours(t.totalMinutes) : ''} hint={t && `by ${t.members} people`} />
      <StatCard
        label="Utilisation"
        loading={!t}
        value={
          <Text inherit c={utilisationColor(t?.utilisation ?? null)}>
            {percent(t?.utilisation ?? null)}
          </Text>
        }
        hint={t && `of ${hours(t.capacityMinutes)} capacity`}
      />
      <StatCard label="Billable share" loading={!t} value={percent(t?.billableShare ?? null)} hint="of all time logged" />
      <StatCard
        label="Customer-facing engineers"
        loading={!t}
        value={t ? `${t.customerFacingEngineers} of ${t.members}` : ''}
        hint="by the role profile"
      />
    </SimpleGrid>
  );
}

/** Where the team's time goes (issue 17): per person and per quarter, filtered by role, team and period. */
export function TeamTimePage() {
  const filters = useUrlFilters(FILTERS);
  const { role, team, from, to } = filters.values;
  const roles = useRoles();
  const teams = useTeams();
  const summary = useTimeSummary({ role: role as Role | undefined, team, from, to });
  const members = summary.data?.members ?? [];

  return (
    <>
      <PageHeader
        title="Team time"
        description={
          summary.data
            ? `Where the team’s time went from ${formatDate(summary.data.from)} to ${formatDate(summary.data.to)}, against each person’s capacity.`
            : 'Where the team’s time goes, against each person’s capacity.'
        }
      />
      <Card p={0} mb="lg">
        <FilterBar active={filters.active} onClear={filters.clear}>
          <Select
            label="Role"
            placeholder="Any role"
            clearable
            searchable
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
            value={role ?? null}
            onChange={(v) => filters.setFilter('role', v)}
            w={filterWidth(240)}
          />
          <Select
            label="Team"
            placeholder="Any team"
            clearable
            searchable
            data={(teams.data ?? []).map((t) => t.name)}
            value={team ?? null}
            onChange={(v) => filters.setFilter('team', v)}
            w={filterWidth(220)}
          />
          <DatePickerInput
            label="From"
            placeholder="90 days ago"
            clearable
            valueFormat="D MMM YYYY"
            maxDate={to}
            value={from ?? null}
            onChange={(v) => filters.setFilter('from', v)}
            w={filterWidth(150)}
          />
          <DatePickerInput
            label="To"
            placeholder="Today"
            clearable
            valueFormat="D MMM YYYY"
            minDate={from}
            value={to ?? null}
            onChange={(v) => filters.setFilter('to', v)}
            w={filterWidth(150)}
          />
        </FilterBar>
      </Card>

      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <Totals summary={summary.data} />
          <Card p={0} mb="lg" component="section" aria-label="Time per person">
            <Stack gap={6} p="md">
              <Title order={4}>Per person</Title>
              <CategoryLegend />
            </Stack>
            {summary.isPending && <Skeleton height={160} m="md" />}
            {summary.isSuccess && members.length === 0 && (
              <EmptyState icon={<IconClockHour4 size={18} />} title="Nobody matches" description="Try another role or team." />
            )}
            <MemberTimeList members={members} />
          </Card>
        </>
      )}
      <TimeTrendCard params={{ role: role as Role | undefined, team }} />
    </>
  );
}
