/** Display names and colours for the engagements module's enums (the server's schemas.ts holds the values). */

export const KINDS = ['implementation', 'professional_services', 'proof_of_concept', 'field_visit', 'forward_deployment', 'onboarding'] as const;
export type EngagementKind = (typeof KINDS)[number];
export const KIND_LABELS: Record<EngagementKind, string> = {
  implementation: 'Implementation',
  professional_services: 'Professional services',
  proof_of_concept: 'Proof of concept',
  field_visit: 'Field visit',
  forward_deployment: 'Forward deployment',
  onboarding: 'Onboarding',
};

export const STATUSES = ['planned', 'active', 'at_risk', 'on_hold', 'done', 'cancelled'] as const;
export type EngagementStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<EngagementStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  at_risk: 'At risk',
  on_hold: 'On hold',
  done: 'Done',
  cancelled: 'Cancelled',
};
export const STATUS_COLORS: Record<EngagementStatus, string> = {
  planned: 'gray',
  active: 'blue',
  at_risk: 'orange',
  on_hold: 'yellow',
  done: 'teal',
  cancelled: 'dark',
};

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' };

export const TIME_CATEGORY_LABELS = { engineering: 'Engineering', customer: 'Customer' } as const;
export type EngagementTimeCategory = keyof typeof TIME_CATEGORY_LABELS;

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
