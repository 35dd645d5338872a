import { LineChart } from '@mantine/charts';
import { Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { EngagementProgress } from './api';
import { burnSeries } from './burn-series';
import { formatHours } from './EngagementBadges';

/** Burn-down of the budget: hours remaining after each day's logged time, against an even burn to the target go-live. */
export function BudgetBurnCard({ progress }: { progress: EngagementProgress | undefined }) {
  return (
    <Card component="section" aria-label="Budget burn">
      <Title order={4} mb="sm">
        Budget burn
      </Title>
      {!progress ? <Skeleton height={220} /> : <BurnBody progress={progress} />}
    </Card>
  );
}

function BurnBody({ progress }: { progress: EngagementProgress }) {
  const { budgetHours, loggedHours, remainingHours } = progress;
  const ratio = budgetHours > 0 ? loggedHours / budgetHours : 0;
  const over = remainingHours < 0;
  const data = burnSeries(progress);
  const actualPoints = progress.burnDown.length;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          <Text span fw={700}>
            {formatHours(loggedHours)}
          </Text>{' '}
          logged of {formatHours(budgetHours)}
        </Text>
        <Text size="sm" c={over ? 'red' : 'dimmed'} fw={over ? 700 : undefined}>
          {over ? `${formatHours(-remainingHours)} over budget` : `${formatHours(remainingHours)} remaining`}
        </Text>
      </Group>
      <Progress value={Math.min(100, ratio * 100)} color={over ? 'red' : ratio > 0.8 ? 'orange' : 'blue'} aria-label="Budget used" />
      {data.length > 1 ? (
        <LineChart
          h={200}
          data={data}
          dataKey="label"
          curveType="linear"
          withDots={actualPoints < 3}
          dotProps={{ r: 3 }}
          // Dots only mark the few real points of a young engagement, never the ideal line.
          lineProps={(series) => (series.name === 'idealRemainingHours' ? { dot: false } : {})}
          unit=" h"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={[
            { name: 'remainingHours', label: 'Remaining', color: 'blue.6' },
            { name: 'idealRemainingHours', label: 'Ideal', color: 'gray.5', strokeDasharray: '5 5' },
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          The burn-down draws once the engagement has a target go-live or runs for more than a day.
        </Text>
      )}
    </Stack>
  );
}
