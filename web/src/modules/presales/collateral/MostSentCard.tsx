import { Card, Group, Progress, SegmentedControl, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { COLLATERAL_KIND_LABELS, KIND_COLORS, useMostSent } from './api';

/** The items sent most in the last 30 or 90 days, each with a bar, its sends and the deals it went to. */
export function MostSentCard({ onOpen }: { onOpen: (id: string) => void }) {
  const [days, setDays] = useState(90);
  const mostSent = useMostSent(days);
  const rows = mostSent.data?.items ?? [];
  const top = Math.max(1, ...rows.map((r) => r.sends));
  return (
    <Card withBorder padding="md" aria-label="Most sent">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={5}>Most sent</Title>
          <SegmentedControl
            size="xs"
            value={String(days)}
            onChange={(v) => setDays(Number(v))}
            data={[
              { value: '30', label: '30 d' },
              { value: '90', label: '90 d' },
            ]}
            aria-label="Period"
          />
        </Group>
        {mostSent.isPending && <Skeleton height={120} />}
        {mostSent.isError && <QueryError error={mostSent.error} onRetry={() => void mostSent.refetch()} />}
        {mostSent.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing was sent in the last {days} days.
          </Text>
        )}
        {rows.map((row) => (
          <UnstyledButton key={row.item.id} onClick={() => onOpen(row.item.id)} aria-label={`Open ${row.item.title}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={500} lineClamp={1} style={{ minWidth: 0 }}>
                  {row.item.title}
                </Text>
                <Text size="sm" fw={600}>
                  {row.sends}
                </Text>
              </Group>
              <Progress value={(row.sends / top) * 100} color={KIND_COLORS[row.item.kind]} size="sm" aria-hidden />
              <Text size="xs" c="dimmed">
                {COLLATERAL_KIND_LABELS[row.item.kind]} · {row.opportunities} {row.opportunities === 1 ? 'deal' : 'deals'} · last{' '}
                {fromNow(row.lastSentAt)}
              </Text>
            </Stack>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}
