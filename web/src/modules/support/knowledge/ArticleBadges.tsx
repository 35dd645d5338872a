import { Badge, type BadgeProps } from '@mantine/core';
import type { ArticleStatus, ArticleVisibility } from './api';
import { STATUS_COLORS, STATUS_LABELS, VISIBILITY_COLORS, VISIBILITY_LABELS } from './labels';

export function ArticleStatusBadge({ status, ...props }: { status: ArticleStatus } & BadgeProps) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function VisibilityBadge({ visibility, ...props }: { visibility: ArticleVisibility } & BadgeProps) {
  return (
    <Badge variant="outline" color={VISIBILITY_COLORS[visibility]} {...props}>
      {VISIBILITY_LABELS[visibility]}
    </Badge>
  );
}
