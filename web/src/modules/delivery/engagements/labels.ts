import type { z } from 'zod';
import type { taskTimeBody } from '../../../../../src/modules/delivery/contract/engagements';
import {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  TASK_STATUSES,
  type EngagementKind,
  type EngagementStatus,
  type TaskStatus,
} from '../../../../../src/modules/delivery/contract/kinds';

/** Display names and colours for the engagements module's enums (the server's contract/kinds.ts holds the values). */

export { TASK_STATUSES };
export type { EngagementKind, EngagementStatus, TaskStatus };

export const KINDS = ENGAGEMENT_KINDS;
export const KIND_LABELS: Record<EngagementKind, string> = {
  implementation: 'Implementation',
  professional_services: 'Professional services',
  proof_of_concept: 'Proof of concept',
  field_visit: 'Field visit',
  forward_deployment: 'Forward deployment',
  onboarding: 'Onboarding',
};

export const STATUSES = ENGAGEMENT_STATUSES;
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

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' };

/** The categories time on an engagement may have (the server refuses the others). */
export type EngagementTimeCategory = z.input<typeof taskTimeBody>['category'];
export const TIME_CATEGORY_LABELS: Record<EngagementTimeCategory, string> = { engineering: 'Engineering', customer: 'Customer' };

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
