import { Badge } from '@mantine/core';
import type { IssueSeverity, IssueStatus } from './api';
import { ISSUE_STATUS_COLORS, ISSUE_STATUS_LABELS, SEVERITY_COLORS } from './labels';

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return (
    <Badge variant="light" color={ISSUE_STATUS_COLORS[status]}>
      {ISSUE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: IssueSeverity }) {
  return (
    <Badge variant="outline" color={SEVERITY_COLORS[severity]}>
      {severity}
    </Badge>
  );
}
