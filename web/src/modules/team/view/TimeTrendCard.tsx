import { BarChart } from '@mantine/charts';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import { QueryError } from '../../../ui/QueryError';
import { useTimeTrend, type TimeTrendParams } from './api';
import { CategoryLegend } from './CategoryLegend';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER, percent } from './categories';

/** The filtered team's mix of work per calendar quarter, in hours, and the hands-on share of it. */
export function TimeTrendCard({ params }: { params: TimeTrendParams }) {
  const trend = useTimeTrend({ quarters: 4, ...params });
  const quarters = trend.data?.quarters ?? [];
  const data = quarters.map((q) => ({
    quarter: q.quarter,
    ...Object.fromEntries(CATEGORY_ORDER.map((c) => [c, Math.round((q.minutesByCategory[c] / 60) * 10) / 10])),
  }));
  const hasData = quarters.some((q) => q.totalMinutes > 0);

  return (
    <Card component="section" aria-label="Trend by quarter">
      <Title order={4}>Trend by quarter</Title>
      <Text size="xs" c="dimmed" mb="xs">
        Hours by category in each calendar quarter, this one so far
      </Text>
      <CategoryLegend />
      {trend.isPending && <Skeleton height={240} />}
      {trend.isError && <QueryError error={trend.error} onRetry={() => void trend.refetch()} />}
      {trend.isSuccess &&
        (hasData ? (
          <>
            <BarChart
              h={240}
              data={data}
              dataKey="quarter"
              type="stacked"
              barProps={{ isAnimationActive: false }}
              mt="sm"
              yAxisProps={{ width: 48, tickFormatter: (v: number) => v.toLocaleString('en-US') }}
              valueFormatter={(v) => `${v} h`}
              series={CATEGORY_ORDER.map((c) => ({ name: c, label: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] }))}
            />
            <Text size="sm" mt="xs" aria-label="Engineering share by quarter">
              Engineering share: {quarters.map((q) => `${q.quarter} ${percent(q.engineeringShare)}`).join(' · ')}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            Nobody in this selection logged time in the last four quarters.
          </Text>
        ))}
    </Card>
  );
}
