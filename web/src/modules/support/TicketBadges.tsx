import { Badge } from '@mantine/core';
import {
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  TIER_COLORS,
  TIER_LABELS,
  type Priority,
  type Status,
  type Tier,
} from './labels';

type Size = 'xs' | 'sm' | 'md' | 'lg';

export function StatusBadge({ status, size = 'sm' }: { status: Status; size?: Size }) {
  return (
    <Badge size={size} variant="filled" color={STATUS_COLORS[status]} radius="sm" miw="max-content">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'sm' }: { priority: Priority; size?: Size }) {
  return (
    <Badge size={size} variant="dot" color={PRIORITY_COLORS[priority]} miw="max-content">
      {PRIORITY_LABELS[priority]}
    </Badge>
  );
}

export function TierBadge({ tier, size = 'sm' }: { tier: Tier; size?: Size }) {
  return (
    <Badge size={size} variant="light" color={TIER_COLORS[tier]} miw="max-content">
      {TIER_LABELS[tier]}
    </Badge>
  );
}
