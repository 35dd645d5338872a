import type { IssueSeverity, IssueStatus } from './api';

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
  wont_fix: 'Won’t fix',
};
export const ISSUE_STATUS_COLORS: Record<IssueStatus, string> = {
  open: 'blue',
  in_progress: 'violet',
  resolved: 'teal',
  closed: 'gray',
  wont_fix: 'gray',
};
export const SEVERITY_COLORS: Record<IssueSeverity, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };
export const ISSUE_STATUSES: IssueStatus[] = ['open', 'in_progress', 'resolved', 'closed', 'wont_fix'];
export const ISSUE_SEVERITIES: IssueSeverity[] = ['critical', 'high', 'medium', 'low'];
