import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDate } from '../../../ui/format';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { formatHours } from '../../delivery/engagements/EngagementBadges';
import { STATUS_LABELS, type EngagementStatus } from '../../delivery/engagements/labels';
import { GradeDistributionChart } from '../health/GradeDistributionChart';
import { options } from '../labels';
import { csvHref, useChart, type DeliveryEngagements } from './api';
import { ChartCard } from './ChartCard';
import { useUrlFilters } from '../../../ui/use-url-filters';

const PATH = '/api/analytics/delivery/engagements';

/** The delivery lead's portfolio: budget burn and schedule slip of every live engagement, and account health. */
export function DeliveryAnalyticsPage() {
  const filters = useUrlFilters(['segment'] as const);
  const params = { segment: filters.values.segment };
  const portfolio = useChart<DeliveryEngagements>(PATH, params);
  const engagements = portfolio.data?.engagements ?? [];
  const totals = portfolio.data?.totals;
  const bars = engagements.map((e) => ({ name: e.name, burn: e.burnPercent ?? 0 }));

  return (
    <>
      <PageHeader
        title="Delivery analytics"
        description="Budget burn and schedule slip across the live engagements (active or at risk), and the health grades of the accounts."
      />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <Select
          label="Segment"
          placeholder="Any"
          clearable
          data={options(SEGMENTS, SEGMENT_LABELS)}
          value={filters.values.segment ?? null}
          onChange={(v) => filters.setFilter('segment', v)}
          w={filterWidth(150)}
        />
      </FilterBar>
      {totals && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg" aria-label="Portfolio totals">
          <Figure label="Live engagements" value={String(totals.engagements)} />
          <Figure
            label="Hours logged of budget"
            value={`${formatHours(totals.loggedHours)} / ${formatHours(totals.budgetHours)}`}
            note={totals.burnPercent === null ? undefined : `${totals.burnPercent} % burnt`}
          />
          <Figure label="Over budget" value={String(totals.overBudget)} />
          <Figure
            label="Slipping"
            value={String(totals.slipping)}
            note={totals.averageSlipDays === null ? undefined : `average slip ${totals.averageSlipDays} d`}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="lg">
        <ChartCard
          title="Budget burn"
          help="Hours logged as a share of each live engagement’s budget (100 % = budget used up)."
          csvHref={csvHref(PATH, params)}
          query={portfolio}
          hasData={engagements.length > 0}
          emptyText="No live engagements."
          minWidth={440}
        >
          <BarChart
            h={Math.max(160, 48 + bars.length * 34)}
            data={bars}
            dataKey="name"
            orientation="vertical"
            valueFormatter={(v: number) => `${v} %`}
            barProps={{ isAnimationActive: false }}
            yAxisProps={{ width: 170, tickFormatter: (n: string) => (n.length > 24 ? `${n.slice(0, 23)}…` : n) }}
            xAxisProps={{ domain: [0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)], tickFormatter: (v: number) => `${v} %` }}
            referenceLines={[{ x: 100, color: 'red.6', label: 'Budget' }]}
            series={[{ name: 'burn', label: 'Budget burnt', color: 'blue.6' }]}
          />
        </ChartCard>
        <Card component="section" aria-label="Schedule slip" withBorder miw={0}>
          <Title order={4}>Schedule slip</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Projected go-live minus target go-live in calendar days (0 = on time), worst first.
          </Text>
          {engagements.length === 0 ? (
            <Text size="sm" c="dimmed" py="lg" ta="center">
              No live engagements.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Schedule slip" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Engagement</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Target</Table.Th>
                    <Table.Th>Projected</Table.Th>
                    <Table.Th ta="right">Slip</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...engagements]
                    .sort((a, b) => (b.slipDays ?? -1) - (a.slipDays ?? -1) || a.name.localeCompare(b.name))
                    .map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/engagements/${e.id}`} size="sm" fw={600}>
                            {e.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {e.account.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>{STATUS_LABELS[e.status as EngagementStatus] ?? e.status}</Table.Td>
                        <Table.Td>{e.targetGoLiveDate ? formatDate(e.targetGoLiveDate) : '–'}</Table.Td>
                        <Table.Td>{e.projectedGoLiveDate ? formatDate(e.projectedGoLiveDate) : '–'}</Table.Td>
                        <Table.Td ta="right" c={(e.slipDays ?? 0) > 0 ? 'red' : undefined} fw={(e.slipDays ?? 0) > 0 ? 700 : undefined}>
                          {e.slipDays === null ? '–' : `${e.slipDays} d`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </SimpleGrid>
      <GradeDistributionChart segment={filters.values.segment as Parameters<typeof GradeDistributionChart>[0]['segment']} />
    </>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string | undefined }) {
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
