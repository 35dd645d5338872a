import { Badge, Text, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { formatDateTime } from '../../ui/format';
import type { TicketSla } from './api';
import { IconPlayerPause } from '@tabler/icons-react';
import { SLA_METRIC_LABELS } from './labels';

const HOUR = 60;

/** `95` → `1h 35m`; `3000` → `2d 2h`. */
export function formatSpan(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < HOUR) return `${m}m`;
  if (m < 24 * HOUR) {
    const rest = m % HOUR;
    return rest ? `${Math.floor(m / HOUR)}h ${rest}m` : `${Math.floor(m / HOUR)}h`;
  }
  const days = Math.floor(m / (24 * HOUR));
  const hours = Math.floor((m % (24 * HOUR)) / HOUR);
  return hours ? `${days}d ${hours}h` : `${days}d`;
}

export type Urgency = 'overdue' | 'soon' | 'later';

export function urgencyOf(dueAt: string, now: number): { urgency: Urgency; minutes: number } {
  const minutes = (Date.parse(dueAt) - now) / 60_000;
  return { urgency: minutes < 0 ? 'overdue' : minutes < HOUR ? 'soon' : 'later', minutes };
}

const COLORS: Record<Urgency, string> = { overdue: 'red', soon: 'orange', later: 'gray' };

/** Which target the earliest due time belongs to. */
export function nextTarget(sla: TicketSla): string | null {
  if (!sla.dueAt) return null;
  if (sla.dueAt === sla.firstReplyDueAt) return 'first_reply';
  if (sla.dueAt === sla.nextReplyDueAt) return 'next_reply';
  if (sla.dueAt === sla.resolutionDueAt) return 'resolution';
  return null;
}

/**
 * The queue's "SLA due" cell: a countdown coloured by urgency (red overdue, orange within the
 * hour), grey "Paused" while the ticket waits on the customer or is on hold.
 */
export function SlaBadge({ sla, now, size = 'md' }: { sla: TicketSla; now: number; size?: 'sm' | 'md' | 'lg' }) {
  if (sla.paused && !sla.dueAt) {
    return (
      <Tooltip label="The SLA clock is paused while the ticket is pending or on hold" withArrow>
        <Badge size={size} variant="light" color="gray" miw="max-content" tt="none" leftSection={<IconPlayerPause size={12} />}>
          Paused
        </Badge>
      </Tooltip>
    );
  }
  if (!sla.dueAt) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const { urgency, minutes } = urgencyOf(sla.dueAt, now);
  const target = nextTarget(sla);
  const label = `${target ? `${SLA_METRIC_LABELS[target]} due` : 'Due'} ${formatDateTime(sla.dueAt)}${sla.paused ? ' · resolution clock paused' : ''}`;
  return (
    <Tooltip label={label} withArrow>
      <Badge
        size={size}
        variant={urgency === 'later' ? 'light' : 'filled'}
        color={COLORS[urgency]}
        leftSection={<IconClock size={12} />}
        miw="max-content"
        tt="none"
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {urgency === 'overdue' ? `Overdue ${formatSpan(-minutes)}` : `in ${formatSpan(minutes)}`}
      </Badge>
    </Tooltip>
  );
}
