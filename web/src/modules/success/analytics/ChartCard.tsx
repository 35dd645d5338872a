import { Box, Button, Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QueryError } from '../../../ui/QueryError';

interface ChartCardProps {
  /** The chart's name: its heading and the accessible name of its region. */
  title: string;
  /** What the figures mean, exactly. */
  help: ReactNode;
  /** Where "Download CSV" points: the same figures, with the same filters. */
  csvHref?: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** Whether there is anything to draw; otherwise `emptyText` shows. */
  hasData: boolean;
  emptyText: string;
  /** Below this width the chart scrolls sideways inside the card instead of squeezing (390 px phones). */
  minWidth?: number;
  /** Figures shown above the chart (a median, a total). */
  summary?: ReactNode;
  children: ReactNode;
}

/** One analytics chart: heading, help, CSV download, and its loading, error and empty states. */
export function ChartCard({ title, help, csvHref, query, hasData, emptyText, minWidth = 520, summary, children }: ChartCardProps) {
  return (
    <Card component="section" aria-label={title} withBorder miw={0}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={4}>{title}</Title>
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        </div>
        {csvHref && (
          <Button
            component="a"
            href={csvHref}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            style={{ flexShrink: 0 }}
          >
            Download CSV
          </Button>
        )}
      </Group>
      {summary}
      {query.isPending && <Skeleton height={220} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!query.isPending &&
        !query.isError &&
        (hasData ? (
          <Box style={{ overflowX: 'auto' }} data-testid="chart-scroll">
            <Box miw={minWidth}>{children}</Box>
          </Box>
        ) : (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {emptyText}
          </Text>
        ))}
    </Card>
  );
}
