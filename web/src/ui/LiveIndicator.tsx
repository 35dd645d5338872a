import { Group, Text, Tooltip } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import type { LiveStatus } from '../lib/live-events';

function ago(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** A small "Live · updated just now" mark beside a screen's title, so agents know the list is current. */
export function LiveIndicator({ live }: { live: LiveStatus }) {
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 5_000, { autoInvoke: true });
  const on = live.state === 'live';
  const label = on
    ? live.lastEventAt
      ? `Live · updated ${ago(live.lastEventAt, Math.max(now, live.lastEventAt))}`
      : 'Live'
    : 'Reconnecting…';
  return (
    <Tooltip label={on ? 'Changes made by anyone appear here as they happen' : 'Live updates paused; reconnecting'} withArrow>
      <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="live-indicator">
        <span
          style={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            background: on ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)',
          }}
        />
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
