import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { Group, SegmentedControl, Select, SimpleGrid, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { PRIORITY_LABELS, TIER_LABELS } from '../../support/labels';
import { options } from '../labels';
import {
  csvHref,
  useChart,
  useTicketGroups,
  type Backlog,
  type CreatedVsSolved,
  type CsatTrend,
  type EscalationRate,
  type ResponseTimes,
  type SlaAttainment,
} from './api';
import { ChartCard } from './ChartCard';
import { PERIODS, useAnalyticsFilters } from './use-analytics-filters';

const SLA_HELP =
  'Of the SLA targets of the tickets solved in the period (first reply and resolution, where the ticket’s policy sets them for its priority), the share met: a target is met when no breach of it was recorded. Days and months are UTC.';
const SLA_GROUPINGS = [
  { value: 'month', label: 'By month' },
  { value: 'priority', label: 'By priority' },
  { value: 'policy', label: 'By policy' },
];
const TIERS = ['tier1', 'tier2', 'engineering'] as const;

const month = (m: string) => dayjs(`${m}-01`).format('MMM YYYY');
const day = (d: string) => dayjs(d).format('D MMM');
const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} d`);

/** The support manager's charts: SLA attainment, response times, backlog, flow, CSAT and escalations. */
export function SupportAnalyticsPage() {
  const filters = useAnalyticsFilters();
  const groups = useTicketGroups();
  const q = filters.query;
  const by = filters.get('by') ?? 'month';
  const slaParams = { ...q, by };
  const responseHours = filters.get('hours') === 'business' ? 'business' : 'calendar';

  const sla = useChart<SlaAttainment>('/api/analytics/support/sla-attainment', slaParams);
  const times = useChart<ResponseTimes>('/api/analytics/support/response-times', { ...q, hours: responseHours });
  const backlog = useChart<Backlog>('/api/analytics/support/backlog', q);
  const flow = useChart<CreatedVsSolved>('/api/analytics/support/created-vs-solved', q);
  const csat = useChart<CsatTrend>('/api/analytics/support/csat', q);
  const escalations = useChart<EscalationRate>('/api/analytics/support/escalation-rate', q);

  const slaRows = (sla.data?.rows ?? []).map((r) => ({
    ...r,
    label: by === 'month' ? month(r.key) : by === 'priority' ? (PRIORITY_LABELS[r.key as keyof typeof PRIORITY_LABELS] ?? r.key) : r.label,
    attainment: r.attainment ?? 0,
  }));

  return (
    <>
      <PageHeader
        title="Support analytics"
        description="SLA attainment, response times, backlog, ticket flow, CSAT and escalations, filtered by period, tier, segment and group."
      />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <Select
          label="Period"
          data={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
          value={filters.period}
          onChange={(v) => filters.setFilter('period', v)}
          allowDeselect={false}
          w={filterWidth(170)}
        />
        <Select
          label="Tier"
          placeholder="Any"
          clearable
          data={options(TIERS, TIER_LABELS)}
          value={filters.values.tier ?? null}
          onChange={(v) => filters.setFilter('tier', v)}
          w={filterWidth(140)}
        />
        <Select
          label="Segment"
          placeholder="Any"
          clearable
          data={options(SEGMENTS, SEGMENT_LABELS)}
          value={filters.values.segment ?? null}
          onChange={(v) => filters.setFilter('segment', v)}
          w={filterWidth(150)}
        />
        <Select
          label="Group"
          placeholder="Any"
          clearable
          data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={filters.values.group ?? null}
          onChange={(v) => filters.setFilter('group', v)}
          w={filterWidth(180)}
        />
      </FilterBar>
      <Text size="xs" c="dimmed" mb="md" px="md">
        {q.from && q.to ? `${dayjs(q.from).format('D MMM YYYY')} – ${dayjs(q.to).format('D MMM YYYY')} (UTC days)` : null}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartCard
          title="SLA attainment"
          help={SLA_HELP}
          csvHref={csvHref('/api/analytics/support/sla-attainment', slaParams)}
          query={sla}
          hasData={(sla.data?.total.targets ?? 0) > 0}
          emptyText="No tickets with SLA targets were solved in this period."
          summary={
            <Group justify="space-between" mb="xs" gap="xs">
              <Text size="sm" aria-label="SLA attainment overall">
                Overall:{' '}
                <Text span fw={700}>
                  {sla.data?.total.attainment ?? '–'} %
                </Text>{' '}
                of {sla.data?.total.targets ?? 0} targets
              </Text>
              <Select
                aria-label="Group SLA attainment"
                data={SLA_GROUPINGS}
                value={by}
                onChange={(v) => filters.update({ by: v })}
                allowDeselect={false}
                size="xs"
                w={140}
              />
            </Group>
          }
        >
          <BarChart
            h={240}
            data={slaRows}
            dataKey="label"
            unit=" %"
            yAxisProps={{ domain: [0, 100], width: 60 }}
            barProps={{ isAnimationActive: false }}
            series={[{ name: 'attainment', label: 'Attainment', color: 'teal.6' }]}
          />
        </ChartCard>

        <ChartCard
          title="Backlog"
          help="Tickets open at the end of each day: created by then and not solved by then (a reopened ticket is open until solved again)."
          csvHref={csvHref('/api/analytics/support/backlog', q)}
          query={backlog}
          hasData={(backlog.data?.points ?? []).some((p) => p.open > 0)}
          emptyText="No open tickets in this period."
        >
          <AreaChart
            h={240}
            data={backlog.data?.points ?? []}
            dataKey="day"
            curveType="linear"
            withDots={false}
            areaProps={{ isAnimationActive: false }}
            xAxisProps={{ tickFormatter: day, minTickGap: 24 }}
            yAxisProps={{ width: 48, allowDecimals: false }}
            series={[{ name: 'open', label: 'Open tickets', color: 'blue.6' }]}
          />
        </ChartCard>

        <ChartCard
          title="Created vs solved"
          help="Tickets created and solved each week (weeks start Monday)."
          csvHref={csvHref('/api/analytics/support/created-vs-solved', q)}
          query={flow}
          hasData={(flow.data?.weeks ?? []).some((w) => w.created + w.solved > 0)}
          emptyText="No tickets were created or solved in this period."
        >
          <BarChart
            h={240}
            data={flow.data?.weeks ?? []}
            dataKey="week"
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 36 }}
            barProps={{ isAnimationActive: false }}
            xAxisProps={{ tickFormatter: day, minTickGap: 16 }}
            yAxisProps={{ width: 48, allowDecimals: false }}
            series={[
              { name: 'created', label: 'Created', color: 'blue.6' },
              { name: 'solved', label: 'Solved', color: 'teal.6' },
            ]}
          />
        </ChartCard>

        <ChartCard
          title="Response times"
          help={`Tickets created in the period: ${responseHours === 'business' ? 'business hours (when the ticket’s SLA calendar is open)' : 'calendar hours'} from creation to the first public agent reply, and to solving.`}
          csvHref={csvHref('/api/analytics/support/response-times', { ...q, hours: responseHours })}
          query={times}
          hasData={(times.data?.firstReply.count ?? 0) + (times.data?.resolution.count ?? 0) > 0}
          emptyText="No replies or solved tickets among the tickets created in this period."
          summary={
            <Group justify="space-between" mb="xs" gap="xs">
              {times.data && (
                <Text size="sm" aria-label="Response time medians">
                  First reply: median {hours(times.data.firstReply.medianHours)}, p90 {hours(times.data.firstReply.p90Hours)} · Resolution:
                  median {hours(times.data.resolution.medianHours)}, p90 {hours(times.data.resolution.p90Hours)}
                </Text>
              )}
              <SegmentedControl
                aria-label="Count response times in"
                size="xs"
                value={responseHours}
                onChange={(v) => filters.update({ hours: v === 'business' ? v : null })}
                data={[
                  { value: 'calendar', label: 'Calendar hours' },
                  { value: 'business', label: 'Business hours' },
                ]}
              />
            </Group>
          }
        >
          <BarChart
            h={240}
            data={times.data?.buckets ?? []}
            dataKey="bucket"
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 36 }}
            barProps={{ isAnimationActive: false }}
            yAxisProps={{ width: 48, allowDecimals: false }}
            series={[
              { name: 'firstReply', label: 'First reply', color: 'indigo.6' },
              { name: 'resolution', label: 'Resolution', color: 'orange.6' },
            ]}
          />
        </ChartCard>

        <ChartCard
          title="CSAT trend"
          help="Survey answers per month answered, and the share rated good."
          csvHref={csvHref('/api/analytics/support/csat', q)}
          query={csat}
          hasData={(csat.data?.months ?? []).some((m) => m.responses > 0)}
          emptyText="No CSAT answers in this period."
        >
          <LineChart
            h={240}
            data={(csat.data?.months ?? []).map((m) => ({ ...m, label: month(m.month) }))}
            dataKey="label"
            unit=" %"
            connectNulls
            lineProps={{ isAnimationActive: false }}
            yAxisProps={{ domain: [0, 100], width: 60 }}
            series={[{ name: 'goodPercent', label: '% good', color: 'teal.6' }]}
          />
        </ChartCard>

        <ChartCard
          title="Escalation rate"
          help="Per month of creation: of the tickets that started in Tier 1, the share escalated from Tier 1 to Tier 2."
          csvHref={csvHref('/api/analytics/support/escalation-rate', q)}
          query={escalations}
          hasData={(escalations.data?.months ?? []).some((m) => m.tier1 > 0)}
          emptyText="No tickets were created in this period."
        >
          <LineChart
            h={240}
            data={(escalations.data?.months ?? []).map((m) => ({ ...m, label: month(m.month) }))}
            dataKey="label"
            unit=" %"
            connectNulls
            lineProps={{ isAnimationActive: false }}
            yAxisProps={{ width: 60 }}
            series={[{ name: 'rate', label: 'Escalated to Tier 2', color: 'violet.6' }]}
          />
        </ChartCard>
      </SimpleGrid>
    </>
  );
}
