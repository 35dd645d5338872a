import { Badge, type BadgeProps } from '@mantine/core';
import {
  DEAL_SUPPORT_STATUS_COLORS,
  DEAL_SUPPORT_STATUS_LABELS,
  DEMO_OUTCOME_COLORS,
  DEMO_OUTCOME_LABELS,
  STAGE_COLORS,
  STAGE_LABELS,
  TECHNICAL_WIN_COLORS,
  TECHNICAL_WIN_LABELS,
  type DealSupportRequest,
  type Demo,
  type Opportunity,
} from './api';

type Size = BadgeProps['size'];

export function StageBadge({ stage, size = 'sm' }: { stage: Opportunity['stage']; size?: Size }) {
  return (
    <Badge size={size} variant="light" color={STAGE_COLORS[stage]}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}

/** "Technical win: …", so the badge reads on its own beside the stage; `bare` under a "Technical win" heading. */
export function TechnicalWinBadge({
  status,
  size = 'sm',
  bare = false,
}: {
  status: Opportunity['technicalWin'];
  size?: Size;
  bare?: boolean;
}) {
  return (
    <Badge size={size} variant="outline" color={TECHNICAL_WIN_COLORS[status]} style={{ flexShrink: 0 }}>
      {bare ? '' : 'Technical win: '}
      {TECHNICAL_WIN_LABELS[status]}
    </Badge>
  );
}

export function RequestStatusBadge({ status }: { status: DealSupportRequest['status'] }) {
  return (
    <Badge size="sm" variant="light" color={DEAL_SUPPORT_STATUS_COLORS[status]}>
      {DEAL_SUPPORT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function DemoOutcomeBadge({ outcome }: { outcome: Demo['outcome'] }) {
  if (!outcome)
    return (
      <Badge size="sm" variant="default">
        No outcome yet
      </Badge>
    );
  return (
    <Badge size="sm" variant="light" color={DEMO_OUTCOME_COLORS[outcome]}>
      {DEMO_OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
