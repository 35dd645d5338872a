import { Badge, Group, Progress, Stack, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { formatDate } from '../../../ui/format';
import { STATUS_COLORS, STATUS_LABELS, type EngagementStatus } from './labels';

export function EngagementStatusBadge({ status, ...props }: { status: EngagementStatus } & BadgeProps) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** Calendar days the projected go-live lies past the target ("+6 d" in red), or nothing when on time. */
export function SlipText({ days, size = 'xs' }: { days: number | null; size?: 'xs' | 'sm' }) {
  if (days === null || days <= 0) return null;
  return (
    <Text span size={size} c="red" fw={600} aria-label={`Slipped ${days} days`}>
      +{days} d
    </Text>
  );
}

/** Target vs projected go-live; the actual date once live. */
export function GoLiveCell({
  target,
  projected,
  actual,
  slipDays,
}: {
  target: string | null;
  projected: string | null;
  actual: string | null;
  slipDays: number | null;
}) {
  if (actual) {
    return (
      <Stack gap={0}>
        <Text size="sm">{formatDate(actual)}</Text>
        <Text size="xs" c="teal">
          Live
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDate(target)}</Text>
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          Projected {formatDate(projected)}
        </Text>
        <SlipText days={slipDays} />
      </Group>
    </Stack>
  );
}

export const formatHours = (hours: number) => `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;

/** Hours logged against the budget: orange past 80 %, red once over. */
export function BurnBar({ logged, budget, w = 140 }: { logged: number; budget: number; w?: number }) {
  const ratio = budget > 0 ? logged / budget : logged > 0 ? 1.01 : 0;
  const color = ratio > 1 ? 'red' : ratio > 0.8 ? 'orange' : 'blue';
  return (
    <Tooltip label={budget > 0 ? `${Math.round(ratio * 100)} % of the budget used` : 'No budget set'} withArrow>
      <Stack gap={2} w={w}>
        <Progress value={Math.min(100, ratio * 100)} color={color} size="sm" aria-label="Budget burn" />
        <Text size="xs" c={ratio > 1 ? 'red' : 'dimmed'}>
          {formatHours(logged)} / {formatHours(budget)}
        </Text>
      </Stack>
    </Tooltip>
  );
}

export function TaskProgress({ done, total, w = 110 }: { done: number; total: number; w?: number }) {
  return (
    <Stack gap={2} w={w}>
      <Progress value={total ? (done / total) * 100 : 0} color="teal" size="sm" aria-label="Task progress" />
      <Text size="xs" c="dimmed">
        {done} / {total} tasks
      </Text>
    </Stack>
  );
}
