import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { ROLES, ROLE_LABELS, type Role } from '../../identity/contract/roles.js';
import { PLAYBOOK_TRIGGERS, TASK_CLOSE_REASONS, TASK_STATUSES, type PlaybookTrigger } from './kinds.js';

/**
 * Playbooks (issue 15): a rule on an account's signals creates a task for a role on the account
 * team, with steps and a due date; one open task per rule and account. Shared with the web app.
 */

/** The one figure each trigger takes, its range and how a form labels it; null for triggers with none. */
export const TRIGGER_PARAMS: Record<
  PlaybookTrigger,
  { key: 'points' | 'days' | 'percent'; min: number; max: number; label: string } | null
> = {
  health_red: null,
  health_drop: { key: 'points', min: 1, max: 100, label: 'Drop of at least (points)' },
  renewal_within: { key: 'days', min: 1, max: 365, label: 'Renewal within (days)' },
  no_interaction: { key: 'days', min: 1, max: 365, label: 'No interaction for (days)' },
  usage_drop: { key: 'percent', min: 1, max: 100, label: 'Active users down by at least (%)' },
  sla_breach_strategic: null,
  onboarding_late: { key: 'days', min: 0, max: 365, label: 'Late by at least (days)' },
};

export const TRIGGER_LABELS: Record<PlaybookTrigger, string> = {
  health_red: 'Health falls to red',
  health_drop: 'Health score drops',
  renewal_within: 'Renewal is near',
  no_interaction: 'No interaction',
  usage_drop: 'Usage drops',
  sla_breach_strategic: 'SLA breach on a strategic account',
  onboarding_late: 'Onboarding is late',
};

export const TASK_CLOSE_REASON_LABELS: Record<(typeof TASK_CLOSE_REASONS)[number], string> = {
  resolved: 'Resolved',
  customer_unresponsive: 'Customer unresponsive',
  not_needed: 'Not needed',
  duplicate: 'Duplicate',
  other: 'Other',
};

export const playbookParamsSchema = z.strictObject({
  points: z.number().int('Give a whole number of points').optional(),
  days: z.number().int('Give a whole number of days').optional(),
  percent: z.number().int('Give a whole percentage').optional(),
});
export type PlaybookParams = z.infer<typeof playbookParamsSchema>;

/** The trigger in words, with its figure: "Renewal within 60 days". */
export function describeTrigger(trigger: PlaybookTrigger, params: PlaybookParams): string {
  switch (trigger) {
    case 'health_red':
      return 'Health grade falls to red';
    case 'health_drop':
      return `Health score drops by ${params.points ?? '?'} points or more against 30 days ago`;
    case 'renewal_within':
      return `Renewal within ${params.days ?? '?'} days`;
    case 'no_interaction':
      return `No interaction for ${params.days ?? '?'} days or more`;
    case 'usage_drop':
      return `Active users down by ${params.percent ?? '?'} % or more (last 30 days against the 30 before)`;
    case 'sla_breach_strategic':
      return 'An SLA breach in the last 30 days on a strategic account';
    case 'onboarding_late':
      return `An account in onboarding whose engagements are ${params.days ?? '?'} days or more late`;
  }
}

/**
 * Checks that `params` carries exactly the figure `trigger` needs, in range; reports each problem
 * at its path so a form shows it under the field.
 */
export function checkTriggerParams(
  trigger: PlaybookTrigger,
  params: PlaybookParams,
  ctx: z.RefinementCtx,
  path: (string | number)[] = ['params'],
): void {
  const spec = TRIGGER_PARAMS[trigger];
  for (const key of ['points', 'days', 'percent'] as const) {
    const value = params[key];
    if (spec?.key === key) {
      if (value === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [...path, key],
          message: `"${TRIGGER_LABELS[trigger]}" needs ${key} (${spec.min}–${spec.max})`,
        });
      else if (value < spec.min || value > spec.max)
        ctx.addIssue({ code: 'custom', path: [...path, key], message: `${key} must be between ${spec.min} and ${spec.max}` });
    } else if (value !== undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, key], message: `"${TRIGGER_LABELS[trigger]}" takes no ${key}` });
    }
  }
}

/** The roles a playbook task can go to: every account-team role (not admin or stakeholder). */
export const TEAM_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin' | 'stakeholder'> => r !== 'admin' && r !== 'stakeholder');
export { ROLE_LABELS };

const ref = z.object({ id: z.string(), name: z.string() });
const step = z.string().trim().min(1, 'A step cannot be empty').max(500);
const steps = z.array(step).min(1, 'Give at least one step').max(20, 'At most 20 steps');
const title = z.string().trim().min(1, 'Give the task a title').max(200);

export const playbookRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  trigger: z.enum(PLAYBOOK_TRIGGERS),
  params: playbookParamsSchema,
  description: z.string().describe('The trigger in words'),
  role: z.enum(TEAM_ROLES),
  taskTitle: z.string(),
  steps: z.array(z.string()),
  dueInDays: z.number(),
  enabled: z.boolean(),
  openTasks: z.number().describe('Tasks of this rule still open'),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlaybookRule = z.infer<typeof playbookRuleSchema>;

const ruleFields = {
  name: z.string().trim().min(1, 'Give the rule a name').max(200),
  trigger: z.enum(PLAYBOOK_TRIGGERS),
  params: playbookParamsSchema.default({}),
  role: z.enum(TEAM_ROLES, { message: `Pick an account-team role: ${TEAM_ROLES.join(', ')}` }),
  taskTitle: title,
  steps,
  dueInDays: z.number().int('Give a whole number of days').min(0, 'Due in 0 to 365 days').max(365, 'Due in 0 to 365 days'),
  enabled: z.boolean().default(true),
};

export const createPlaybookRuleBody = z.strictObject(ruleFields).superRefine((b, ctx) => checkTriggerParams(b.trigger, b.params, ctx));
export type CreatePlaybookRuleInput = z.input<typeof createPlaybookRuleBody>;

/** A changed trigger must come with its params; params alone are checked against the rule's trigger by the service. */
export const updatePlaybookRuleBody = z
  .strictObject({
    name: ruleFields.name.optional(),
    trigger: ruleFields.trigger.optional(),
    params: playbookParamsSchema.optional(),
    role: ruleFields.role.optional(),
    taskTitle: title.optional(),
    steps: steps.optional(),
    dueInDays: ruleFields.dueInDays.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change')
  .superRefine((b, ctx) => {
    if (b.trigger !== undefined && b.params === undefined && TRIGGER_PARAMS[b.trigger])
      ctx.addIssue({ code: 'custom', path: ['params'], message: 'A new trigger needs its params' });
    if (b.trigger !== undefined && b.params !== undefined) checkTriggerParams(b.trigger, b.params, ctx);
  });
export type UpdatePlaybookRuleInput = z.input<typeof updatePlaybookRuleBody>;

export const playbookRuleListSchema = z.object({ items: z.array(playbookRuleSchema) });
export const playbookRunSchema = z.object({ fired: z.number().describe('Tasks created by this run') });

export const taskStepSchema = z.object({ text: z.string(), done: z.boolean() });
export type TaskStep = z.infer<typeof taskStepSchema>;

export const successTaskSchema = z.object({
  id: z.string(),
  account: z.object({ id: z.string(), name: z.string() }),
  rule: ref.nullable().describe('The playbook rule that created it; null for a task created by hand'),
  title: z.string(),
  reason: z.string(),
  steps: z.array(taskStepSchema),
  role: z.string(),
  assignee: ref.nullable(),
  dueOn: z.string(),
  overdue: z.boolean().describe('Open and due before today'),
  status: z.enum(TASK_STATUSES),
  closeReason: z.enum(TASK_CLOSE_REASONS).nullable(),
  closeNote: z.string().nullable(),
  closedBy: ref.nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SuccessTask = z.infer<typeof successTaskSchema>;
export const successTaskPageSchema = z.object({ items: z.array(successTaskSchema), nextCursor: z.string().nullable() });
export type SuccessTaskPage = z.infer<typeof successTaskPageSchema>;

const memberId = z.string().trim().min(1).max(64);

export const successTaskListQuery = z.object({
  assignee: z
    .union([z.literal('me'), memberId])
    .optional()
    .describe('"me" or a member id; all assignees when absent'),
  accountId: z.string().max(64).optional(),
  status: z.enum(TASK_STATUSES).default('open'),
  ...pageQuery,
});
export type SuccessTaskListQuery = z.infer<typeof successTaskListQuery>;

export const accountTaskListQuery = z.object({ status: z.enum(TASK_STATUSES).default('open'), ...pageQuery });
export type AccountTaskListQuery = z.infer<typeof accountTaskListQuery>;

const isoDate = z.iso.date({ message: 'Give the date as YYYY-MM-DD, e.g. 2026-03-10' });

export const createSuccessTaskBody = z.strictObject({
  accountId: z.string().trim().min(1).max(64),
  title,
  reason: z.string().trim().max(2000).default('Created by hand'),
  steps: z.array(step).max(20, 'At most 20 steps').default([]),
  role: z.enum(TEAM_ROLES).default('customer_success'),
  assigneeId: memberId.nullish().describe('Defaults to the account-team member holding the role'),
  dueOn: isoDate,
});
export type CreateSuccessTaskInput = z.input<typeof createSuccessTaskBody>;

export const updateSuccessTaskBody = z
  .strictObject({
    steps: z
      .array(z.strictObject({ index: z.number().int().min(0).max(19), done: z.boolean() }))
      .max(20)
      .optional()
      .describe('Step done flags to set, by index'),
    assigneeId: memberId.nullable().optional().describe('Reassign; null leaves it unassigned'),
    dueOn: isoDate.optional(),
    status: z.enum(['done', 'dismissed']).optional().describe('Close the task'),
    closeReason: z.enum(TASK_CLOSE_REASONS).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change')
  .superRefine((b, ctx) => {
    if (b.status !== undefined && b.closeReason === undefined)
      ctx.addIssue({ code: 'custom', path: ['closeReason'], message: `Say why the task is closed: ${TASK_CLOSE_REASONS.join(', ')}` });
    if (b.status === undefined && (b.closeReason !== undefined || b.note !== undefined))
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'A close reason or note goes with closing: send status too' });
  });
export type UpdateSuccessTaskInput = z.input<typeof updateSuccessTaskBody>;
