import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDate, formatMoney, formatMoneyCompact } from '../../../ui/format';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { ChartCard } from '../../success/analytics/ChartCard';
import { POC_OUTCOME_COLORS, POC_OUTCOME_LABELS, useWinLoss, winLossCsvHref, type PocOutcome, type WinLoss } from './api';

const PERIODS = [
  { value: '3m', label: 'Last 3 months' },
  { value: '6m', label: 'Last 6 months' },
  { value: '12m', label: 'Last 12 months' },
  { value: '24m', label: 'Last 2 years' },
  { value: 'custom', label: 'Custom dates' },
];
const DEFAULT_PERIOD = '12m';
const DAY_FORMAT = 'YYYY-MM-DD';

/** The window a preset covers, ending today. */
function presetWindow(period: string): { from: string; to: string } {
  const months = Number(period.replace('m', '')) || 12;
  return { from: dayjs().subtract(months, 'month').add(1, 'day').format(DAY_FORMAT), to: dayjs().format(DAY_FORMAT) };
}

const percent = (rate: number | null) => (rate === null ? '–' : `${rate} %`);
const deals = (n: number) => `${n} ${n === 1 ? 'deal' : 'deals'}`;
/** Short names for the chart's axis, so four bars fit a phone. */
const AXIS_LABELS: Record<PocOutcome, string> = { pass: 'Passed', fail: 'Failed', pending: 'No verdict', none: 'No PoC' };

/**
 * Win and loss by proof of concept: the deals closed in a window, won or lost, by how their PoCs
 * ended (passed, failed, no verdict, none) — does proving the product win deals? The window lives
 * in the URL so a view can be shared.
 */
export function PocWinLossPage() {
  const filters = useUrlFilters(['period', 'from', 'to'] as const);
  const period = filters.values.period ?? DEFAULT_PERIOD;
  const preset = presetWindow(period === 'custom' ? DEFAULT_PERIOD : period);
  const span = period === 'custom' ? { from: filters.values.from ?? preset.from, to: filters.values.to ?? preset.to } : preset;
  const figures = useWinLoss(span);
  const data = figures.data;

  return (
    <>
      <PageHeader
        title="Win / loss by proof of concept"
        description="Deals closed in the window, won or lost, by how their proofs of concept ended. A deal counts as proven when any of its PoCs passed."
      />
      <FilterBar active={Boolean(filters.values.period)} onClear={() => filters.update({ period: null, from: null, to: null })}>
        <Select
          label="Closed in"
          data={PERIODS}
          allowDeselect={false}
          value={period}
          onChange={(v) =>
            filters.update(v === 'custom' ? { period: v, from: span.from, to: span.to } : { period: v, from: null, to: null })
          }
          w={filterWidth(170)}
        />
        {period === 'custom' && (
          <>
            <DatePickerInput
              label="From"
              valueFormat="D MMM YYYY"
              maxDate={span.to}
              value={span.from}
              onChange={(v) => v && filters.update({ from: v })}
              w={filterWidth(150)}
            />
            <DatePickerInput
              label="To"
              valueFormat="D MMM YYYY"
              minDate={span.from}
              value={span.to}
              onChange={(v) => v && filters.update({ to: v })}
              w={filterWidth(150)}
            />
          </>
        )}
      </FilterBar>

      {data && <Headline figures={data} />}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="lg">
        <ChartCard
          title="Closed deals by PoC outcome"
          help={`Won and lost deals closed ${formatDate(span.from)} – ${formatDate(span.to)}, by how their proofs of concept ended (passed, failed, no verdict yet, no PoC).`}
          csvHref={winLossCsvHref(span)}
          query={figures}
          hasData={Boolean(data && data.totals.total.count > 0)}
          emptyText="No deal closed in this window."
          minWidth={280}
        >
          <BarChart
            h={260}
            data={(data?.groups ?? []).map((g) => ({ outcome: AXIS_LABELS[g.pocOutcome], won: g.won.count, lost: g.lost.count }))}
            dataKey="outcome"
            type="stacked"
            withLegend
            barProps={{ isAnimationActive: false }}
            yAxisProps={{ allowDecimals: false }}
            series={[
              { name: 'won', label: 'Won', color: 'teal.6' },
              { name: 'lost', label: 'Lost', color: 'red.6' },
            ]}
          />
        </ChartCard>
        <Card component="section" aria-label="Win rate by PoC outcome" withBorder miw={0}>
          <Title order={4}>Win rate by PoC outcome</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Won ÷ closed deals, with the ARR behind each.
          </Text>
          {data && <OutcomeTable figures={data} />}
        </Card>
      </SimpleGrid>

      {data && data.deals.length > 0 && (
        <Card component="section" aria-label="Closed deals" withBorder>
          <Title order={4} mb="xs">
            Closed deals
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Closed deals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Opportunity</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Proof of concept</Table.Th>
                  <Table.Th ta="right">ARR</Table.Th>
                  <Table.Th>Closed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.deals.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/presales/opportunities/${d.id}`} size="sm" fw={600}>
                        {d.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {d.account.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={d.outcome === 'won' ? 'teal' : 'red'} variant="light">
                        {d.outcome === 'won' ? 'Won' : 'Lost'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={POC_OUTCOME_COLORS[d.pocOutcome]} variant="dot">
                        {POC_OUTCOME_LABELS[d.pocOutcome]}
                      </Badge>
                      {d.pocs.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {d.pocs.map((p) => (
                            <Anchor key={p.id} component={Link} to={`/engagements/${p.id}`} size="xs" mr={6}>
                              {p.name}
                            </Anchor>
                          ))}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(d.arr)}</Table.Td>
                    <Table.Td>{formatDate(d.closedOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}

function Headline({ figures }: { figures: WinLoss }) {
  const row = (o: string) => figures.groups.find((g) => g.pocOutcome === o)!;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg" aria-label="Win/loss figures">
      <Figure label="Closed deals" value={String(figures.totals.total.count)} note={`${formatMoneyCompact(figures.totals.won.arr)} won`} />
      <Figure label="Win rate" value={percent(figures.totals.winRate)} />
      <Figure label="Win rate, PoC passed" value={percent(row('pass').winRate)} note={deals(row('pass').total.count)} />
      <Figure label="Win rate, no PoC" value={percent(row('none').winRate)} note={deals(row('none').total.count)} />
    </SimpleGrid>
  );
}

function OutcomeTable({ figures }: { figures: WinLoss }) {
  const rows = [
    ...figures.groups.map((g) => ({ key: g.pocOutcome, label: POC_OUTCOME_LABELS[g.pocOutcome], ...g })),
    { key: 'all', label: 'All closed deals', ...figures.totals },
  ];
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Win rate by PoC outcome">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Proof of concept</Table.Th>
            <Table.Th ta="right">Won</Table.Th>
            <Table.Th ta="right">Lost</Table.Th>
            <Table.Th ta="right">Win rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} fw={r.key === 'all' ? 700 : undefined} aria-label={r.label}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">
                {r.won.count}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {formatMoneyCompact(r.won.arr)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {r.lost.count}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {formatMoneyCompact(r.lost.arr)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{percent(r.winRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fw={700} size="lg">
          {value}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Group>
    </Card>
  );
}
