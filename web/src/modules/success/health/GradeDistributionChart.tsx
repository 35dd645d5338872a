import { BarChart } from '@mantine/charts';
import { Card, Group, Skeleton, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { QueryError } from '../../../ui/QueryError';
import { GRADE_CHART_COLORS, GRADE_LABELS, HEALTH_GRADES } from '../labels';
import { useGradeDistribution, type DistributionParams } from './api';

const DAYS = 90;
const DAY_MS = 86_400_000;

type DayCounts = NonNullable<ReturnType<typeof useGradeDistribution>['data']>['days'][number];

/**
 * Every day of the period on the axis (UTC days, as the snapshots are), so a day without a
 * snapshot shows as a gap rather than being squeezed out of the time line.
 */
function everyDay(days: DayCounts[]): DayCounts[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const now = Date.now();
  return Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(now - (DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, green: 0, yellow: 0, red: 0, none: 0 };
  });
}

/** How many accounts were green, yellow and red each day of the last 90, stacked. */
export function GradeDistributionChart({ segment }: { segment?: DistributionParams['segment'] }) {
  const distribution = useGradeDistribution({ days: DAYS, segment });
  const days = distribution.data?.days ?? [];
  const today = days[days.length - 1];
  const hasData = days.some((d) => d.green + d.yellow + d.red > 0);

  return (
    <Card component="section" aria-label="Grade distribution" mb="lg">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <div>
          <Title order={4}>Grade distribution</Title>
          <Text size="xs" c="dimmed">
            Accounts by grade each day, last {DAYS} days
          </Text>
        </div>
        {today && (
          <Text size="sm" aria-label="Grades today">
            Today: {HEALTH_GRADES.map((g) => `${today[g]} ${GRADE_LABELS[g].toLowerCase()}`).join(' · ')}
            {today.none > 0 ? ` · ${today.none} without a score` : ''}
          </Text>
        )}
      </Group>
      {distribution.isPending && <Skeleton height={200} />}
      {distribution.isError && <QueryError error={distribution.error} onRetry={() => void distribution.refetch()} />}
      {distribution.isSuccess &&
        (hasData ? (
          <BarChart
            h={220}
            data={everyDay(days)}
            dataKey="day"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 40 }}
            barProps={{ isAnimationActive: false }}
            xAxisProps={{ tickFormatter: (day: string) => dayjs(day).format('D MMM'), minTickGap: 24 }}
            yAxisProps={{ width: 36, allowDecimals: false }}
            series={[
              { name: 'red', label: 'Red', color: GRADE_CHART_COLORS.red },
              { name: 'yellow', label: 'Yellow', color: GRADE_CHART_COLORS.yellow },
              { name: 'green', label: 'Green', color: GRADE_CHART_COLORS.green },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            No daily snapshots yet: the chart fills in as the nightly health job runs.
          </Text>
        ))}
    </Card>
  );
}
