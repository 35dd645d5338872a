import { z } from 'zod';
import { CUSTOMER_ROLES } from '../../accounts/contract/kinds.js';
import { ROLES } from '../../identity/contract/roles.js';
import { pageQuery } from '../../../kernel/contract/page.js';
import { timeEntrySchema } from '../../team/contract/time-entries.js';
import { ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES, POC_VERDICTS, TASK_STATUSES } from './kinds.js';

/**
 * The engagement API (issue 5; contract in the delivery brief). JSON is camelCase, dates are
 * `YYYY-MM-DD`, timestamps ISO. The screens take their types from these schemas (web/src/modules/delivery/engagements/api.ts).
 */

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const ref = z.object({ id: z.string(), name: z.string() });
const id = z.string().trim().min(1).max(64);

// ---------------------------------------------------------------- templates

export const TEMPLATE_OWNER_SIDES = ['team', 'customer'] as const;

export const templateTaskSchema = z.object({
  key: z.string().trim().min(1, 'Give every task a key').max(64).describe('Names the task for dependsOn within this template'),
  title: z.string().trim().min(1, 'Give the task a title').max(200),
  description: z.string().trim().max(5000).nullable(),
  ownerSide: z.enum(TEMPLATE_OWNER_SIDES, 'A task is owned by our team ("team") or by the customer ("customer")'),
  ownerRole: z
    .string()
    .nullable()
    .describe('One of our roles when ownerSide is "team"; a customer role (decision_maker, champion, end_user, it_admin) when "customer"'),
  startOffsetDays: z.number().int().min(0).max(1000).describe('Working days after the engagement start, for tasks without dependencies'),
  durationDays: z.number().int().min(1, 'A task lasts at least one working day').max(1000),
  dependsOn: z.array(z.string().max(64)).max(50),
  customerVisible: z.boolean(),
  milestone: z.boolean(),
});
export type TemplateTask = z.infer<typeof templateTaskSchema>;

const templateTaskInput = z
  .strictObject({
    key: templateTaskSchema.shape.key,
    title: templateTaskSchema.shape.title,
    description: z.string().trim().max(5000).nullish(),
    ownerSide: templateTaskSchema.shape.ownerSide,
    ownerRole: z.string().max(64).nullish(),
    startOffsetDays: templateTaskSchema.shape.startOffsetDays.default(0),
    durationDays: templateTaskSchema.shape.durationDays.default(1),
    dependsOn: templateTaskSchema.shape.dependsOn.default([]),
    customerVisible: z.boolean().default(false),
    milestone: z.boolean().default(false),
  })
  .superRefine((task, ctx) => {
    if (task.ownerRole == null) return;
    const allowed: readonly string[] = task.ownerSide === 'team' ? ROLES : CUSTOMER_ROLES;
    if (!allowed.includes(task.ownerRole))
      ctx.addIssue({
        code: 'custom',
        path: ['ownerRole'],
        message:
          task.ownerSide === 'team'
            ? `"${task.ownerRole}" is not one of our roles (${ROLES.join(', ')})`
            : `A customer-side owner is one of ${CUSTOMER_ROLES.join(', ')}`,
      });
  });

export const templateInputBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the template a name').max(200),
  kind: z.enum(ENGAGEMENT_KINDS),
  description: z.string().trim().max(5000).nullish(),
  phases: z
    .array(z.strictObject({ name: z.string().trim().min(1, 'Give the phase a name').max(200), tasks: z.array(templateTaskInput).max(200) }))
    .min(1, 'A template has at least one phase')
    .max(50),
});
export type TemplateInput = z.infer<typeof templateInputBody>;

export const templatePutBody = templateInputBody.extend({ archived: z.boolean().optional() });
export type TemplatePutInput = z.infer<typeof templatePutBody>;

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  description: z.string().nullable(),
  phaseCount: z.number(),
  taskCount: z.number(),
  durationDays: z.number().describe('Working days from the first task’s start to the last task’s end'),
  archived: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  description: z.string().nullable(),
  archived: z.boolean(),
  durationDays: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  phases: z.array(z.object({ id: z.string(), name: z.string(), position: z.number(), tasks: z.array(templateTaskSchema) })),
});
export type Template = z.infer<typeof templateSchema>;

export const templateListQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also list archived templates'),
});

// ---------------------------------------------------------------- tasks

export const taskOwnerSchema = z.object({ type: z.enum(['member', 'contact']), id: z.string(), name: z.string() });

export const taskSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  phaseId: z.string().nullable(),
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  owner: taskOwnerSchema.nullable(),
  customerVisible: z.boolean(),
  milestone: z.boolean(),
  startDate: z.string(),
  dueDate: z.string(),
  status: z.enum(TASK_STATUSES),
  completedAt: z.string().nullable(),
  dependsOn: z.array(z.string()).describe('Ids of the tasks this one waits for'),
  blockedBy: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(TASK_STATUSES) })).describe('Dependencies not done yet'),
  overdue: z.boolean().describe('Not done and due before today'),
  loggedMinutes: z.number(),
  commentCount: z.number(),
});
export type Task = z.infer<typeof taskSchema>;

const ownerInput = z.strictObject({ type: z.enum(['member', 'contact'], 'An owner is a "member" or a "contact"'), id });

export const createTaskBody = z.strictObject({
  phaseId: id.nullish(),
  title: z.string().trim().min(1, 'Give the task a title').max(200),
  description: z.string().trim().max(5000).nullish(),
  owner: ownerInput.nullish(),
  customerVisible: z.boolean().optional(),
  milestone: z.boolean().optional(),
  startDate: isoDate,
  dueDate: isoDate,
  dependsOn: z.array(id).max(50).optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;

export const updateTaskBody = z.strictObject({
  phaseId: id.nullish(),
  title: createTaskBody.shape.title.optional(),
  description: createTaskBody.shape.description,
  owner: ownerInput.nullish(),
  customerVisible: z.boolean().optional(),
  milestone: z.boolean().optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  dependsOn: z.array(id).max(50).optional(),
  status: z.enum(TASK_STATUSES).optional(),
});
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

export const commentSchema = z.object({
  id: z.string(),
  author: z.object({ type: z.enum(['member', 'contact']), id: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
});
export type TaskComment = z.infer<typeof commentSchema>;

export const commentBody = z.strictObject({ body: z.string().trim().min(1, 'Write a comment first').max(10_000) });

export const taskTimeBody = z.strictObject({
  minutes: z
    .number()
    .int('Log whole minutes')
    .min(1, 'Log at least one minute')
    .max(24 * 60, 'One entry covers at most 24 hours'),
  category: z.enum(
    ['engineering', 'customer'],
    'On an engagement, time is "engineering" (hands-on work) or "customer" (meetings, workshops, training)',
  ),
  note: z.string().trim().max(2000).optional(),
  startedAt: z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-03-02T09:30:00Z' }).optional(),
});
export type TaskTimeInput = z.infer<typeof taskTimeBody>;

// ---------------------------------------------------------------- engagements

export const engagementSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  status: z.enum(ENGAGEMENT_STATUSES),
  account: ref,
  lead: ref.nullable(),
  startDate: z.string(),
  targetGoLiveDate: z.string().nullable(),
  projectedGoLiveDate: z.string().nullable(),
  actualGoLiveDate: z.string().nullable(),
  slipDays: z.number().nullable().describe('Projected minus target go-live in calendar days (≥ 0), null without a target'),
  atRisk: z.boolean().describe('Status at_risk, or the schedule slips, or the hours logged exceed the budget'),
  budgetHours: z.number(),
  loggedHours: z.number(),
  progress: z.object({ done: z.number(), total: z.number() }),
  nextMilestone: z.object({ id: z.string(), title: z.string(), dueDate: z.string() }).nullable(),
});
export type EngagementSummary = z.infer<typeof engagementSummarySchema>;

export const engagementSchema = engagementSummarySchema.extend({
  description: z.string().nullable(),
  members: z.array(ref),
  contractStartDate: z.string().nullable(),
  opportunity: ref.nullable().describe('The sales opportunity (presales deal) this engagement serves'),
  templateId: z.string().nullable(),
  pocVerdict: z.enum(POC_VERDICTS).nullable(),
  pocVerdictNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  phases: z.array(
    z.object({ id: z.string(), name: z.string(), position: z.number(), startDate: z.string().nullable(), endDate: z.string().nullable() }),
  ),
  tasks: z.array(taskSchema),
});
export type Engagement = z.infer<typeof engagementSchema>;

const boolQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const engagementListQuery = z.object({
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  leadId: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  atRisk: boolQuery.describe('Only engagements at risk (status, slip or budget overrun)'),
  q: z.string().trim().max(200).optional().describe('Words in the engagement’s name'),
  ...pageQuery,
});
export type EngagementListQuery = z.infer<typeof engagementListQuery>;

export const createEngagementBody = z.strictObject({
  accountId: id,
  kind: z.enum(ENGAGEMENT_KINDS),
  name: z.string().trim().min(1, 'Give the engagement a name').max(200),
  description: z.string().trim().max(10_000).nullish(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  leadId: id.nullish(),
  memberIds: z.array(id).max(50).optional(),
  templateId: id.nullish(),
  startDate: isoDate,
  targetGoLiveDate: isoDate.nullish(),
  contractStartDate: isoDate.nullish(),
  budgetHours: z.number().min(0, 'The budget cannot be below zero hours').max(100_000),
  opportunityId: id
    .nullish()
    .describe("An opportunity of the same account: the deal this engagement serves (a PoC's verdict sets its technical win)"),
});
export type CreateEngagementInput = z.infer<typeof createEngagementBody>;

export const updateEngagementBody = z.strictObject({
  name: createEngagementBody.shape.name.optional(),
  description: createEngagementBody.shape.description,
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  leadId: id.nullish(),
  memberIds: z.array(id).max(50).optional(),
  startDate: isoDate.optional(),
  targetGoLiveDate: isoDate.nullish(),
  actualGoLiveDate: isoDate.nullish(),
  contractStartDate: isoDate.nullish(),
  budgetHours: createEngagementBody.shape.budgetHours.optional(),
  opportunityId: createEngagementBody.shape.opportunityId,
});
export type UpdateEngagementInput = z.infer<typeof updateEngagementBody>;

export const engagementTimeSchema = z.object({
  items: z.array(timeEntrySchema),
  totalMinutes: z.number(),
  byCategory: z.partialRecord(z.enum(['engineering', 'routine', 'customer', 'management', 'internal']), z.number()),
});

export const progressSchema = z.object({
  budgetHours: z.number(),
  loggedHours: z.number(),
  remainingHours: z.number().describe('Budget minus logged; negative when over budget'),
  burnDown: z.array(z.object({ date: z.string(), remainingHours: z.number(), idealRemainingHours: z.number() })),
  schedule: z.object({
    startDate: z.string(),
    targetGoLiveDate: z.string().nullable(),
    projectedGoLiveDate: z.string().nullable(),
    actualGoLiveDate: z.string().nullable(),
    slipDays: z.number().nullable(),
  }),
  taskCounts: z.object({
    todo: z.number(),
    inProgress: z.number(),
    done: z.number(),
    total: z.number(),
    blocked: z.number(),
    overdue: z.number(),
  }),
  milestones: z.array(
    z.object({ id: z.string(), title: z.string(), dueDate: z.string(), status: z.enum(TASK_STATUSES), completedAt: z.string().nullable() }),
  ),
  timeToValueDays: z.number().nullable().describe('Contract start to actual go-live, in calendar days'),
});
export type EngagementProgress = z.infer<typeof progressSchema>;

export const myTaskSchema = taskSchema.extend({
  engagement: z.object({ id: z.string(), name: z.string(), kind: z.enum(ENGAGEMENT_KINDS) }),
  account: ref,
});
export type MyTask = z.infer<typeof myTaskSchema>;

export const myTasksQuery = z.object({ status: z.enum(['open', 'done']).optional().default('open') });

export const timeToValueSchema = z.object({
  averageDays: z.number().nullable(),
  items: z.array(z.object({ account: ref, engagement: ref, contractStartDate: z.string(), goLiveDate: z.string(), days: z.number() })),
});
export type TimeToValue = z.infer<typeof timeToValueSchema>;

// ---------------------------------------------------------------- portal

export const portalTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  milestone: z.boolean(),
  startDate: z.string(),
  dueDate: z.string(),
  status: z.enum(TASK_STATUSES),
  completedAt: z.string().nullable(),
  owner: z.object({ type: z.enum(['member', 'contact']), name: z.string() }).nullable(),
  yours: z.boolean().describe('Owned by the signed-in contact (they may mark it done)'),
  blocked: z.boolean(),
});
export type PortalTask = z.infer<typeof portalTaskSchema>;

export const portalEngagementSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  status: z.enum(ENGAGEMENT_STATUSES),
  startDate: z.string(),
  targetGoLiveDate: z.string().nullable(),
  actualGoLiveDate: z.string().nullable(),
  lead: z.object({ name: z.string() }).nullable(),
  phases: z.array(z.object({ id: z.string().nullable(), name: z.string(), tasks: z.array(portalTaskSchema) })),
});
export type PortalEngagement = z.infer<typeof portalEngagementSchema>;
