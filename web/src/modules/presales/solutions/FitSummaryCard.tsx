import { Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { FIT_COLORS, FIT_LABELS, REQUIREMENT_FITS, type FitSummary } from './api';

/**
 * How well the product meets the deal's requirements: one bar split by fit, the share covered
 * natively or by configuration, must-have gaps (the deal's blockers) and what no design answers yet.
 */
export function FitSummaryCard({ summary }: { summary: FitSummary }) {
  const share = (n: number) => (summary.total ? (n / summary.total) * 100 : 0);
  return (
    <Card withBorder padding="md" aria-label="Fit summary" role="region">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label="Requirements" value={String(summary.total)} hint={`${summary.assessed} assessed`} />
          <Figure
            label="Covered"
            value={summary.coveredPercent === null ? '—' : `${summary.coveredPercent}%`}
            hint="native or configuration"
          />
          <Figure
            label="Must-have gaps"
            value={String(summary.mustGaps)}
            hint={`${summary.byFit.gap} gaps in all`}
            alert={summary.mustGaps > 0}
          />
          <Figure label="Without a design" value={String(summary.withoutDesign)} hint="not answered by a solution design" />
        </SimpleGrid>
        {summary.total > 0 && (
          <>
            <Progress.Root size={14} aria-label="Requirements by fit">
              {REQUIREMENT_FITS.filter((f) => summary.byFit[f] > 0).map((f) => (
                <Tooltip key={f} label={`${FIT_LABELS[f]}: ${summary.byFit[f]}`}>
                  <Progress.Section value={share(summary.byFit[f])} color={FIT_COLORS[f]} />
                </Tooltip>
              ))}
            </Progress.Root>
            <Group gap="md" wrap="wrap">
              {REQUIREMENT_FITS.map((f) => (
                <Group key={f} gap={6} wrap="nowrap">
                  <span
                    aria-hidden
                    style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${FIT_COLORS[f]}-6)` }}
                  />
                  <Text size="xs" c="dimmed">
                    {FIT_LABELS[f]} {summary.byFit[f]}
                  </Text>
                </Group>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, value, hint, alert }: { label: string; value: string; hint: string; alert?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} fz={22} c={alert ? 'red' : undefined}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </div>
  );
}
