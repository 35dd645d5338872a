import { z } from 'zod';
import { createInteractionBody, interactionSchema } from '../../accounts/contract/accounts.js';
import { pageQuery, pageSchema } from '../../../kernel/contract/page.js';
import {
  DEAL_SUPPORT_KINDS,
  DEAL_SUPPORT_STATUSES,
  DEMO_OUTCOMES,
  OPPORTUNITY_STAGES,
  TECHNICAL_WIN_STATUSES,
  type DealSupportKind,
  type DealSupportStatus,
  type DemoOutcome,
  type OpportunityStage,
  type TechnicalWinStatus,
} from './kinds.js';

/**
 * Opportunities (issue 16): deals on an account with their stage, ARR, team and technical win; the
 * deal's activity timeline; deal-support requests (an account executive asks the pre-sales team
 * for a demo, a PoC, an RFP or an architecture review) and demos. Shared with the web app.
 */

export const STAGE_LABELS: Record<OpportunityStage, string> = {
  discovery: 'Discovery',
  qualification: 'Qualification',
  technical_validation: 'Technical validation',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  closed_won: 'Closed won',
  closed_lost: 'Closed lost',
};
export const TECHNICAL_WIN_LABELS: Record<TechnicalWinStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  won: 'Won',
  lost: 'Lost',
};
export const DEAL_SUPPORT_KIND_LABELS: Record<DealSupportKind, string> = {
  demo: 'Demo',
  poc: 'Proof of concept',
  rfp: 'RFP',
  architecture_review: 'Architecture review',
  other: 'Other',
};
export const DEAL_SUPPORT_STATUS_LABELS: Record<DealSupportStatus, string> = {
  new: 'New',
  accepted: 'Accepted',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
};
export const DEMO_OUTCOME_LABELS: Record<DemoOutcome, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true, message: 'Use an ISO date-time such as 2026-05-01T14:00:00Z' });
const id = z.string().max(64);
const memberId = id.nullable();
const ref = z.object({ id: z.string(), name: z.string() });
// A whole amount, like an account's ARR: a value like 1e-258 is no amount of money (PostgreSQL's
// double precision refuses it as an underflow where SQLite stores it), and the deal's ARR is summed
// into whole-number pipeline figures downstream.
const money = z
  .number()
  .finite('Give a number')
  .min(0, 'ARR cannot be negative')
  .max(1e12)
  .transform((v) => Math.round(v));
const products = z
  .array(z.string().trim().min(1, 'A product needs a name').max(100))
  .max(30, 'At most 30 products')
  .refine((p) => new Set(p.map((x) => x.toLowerCase())).size === p.length, 'A product appears twice');
const reason = z.string().trim().max(2000);

// ---------------------------------------------------------------- opportunities

export const opportunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  account: ref.extend({ segment: z.string().nullable() }),
  stage: z.enum(OPPORTUNITY_STAGES),
  /** True while the stage is not closed_won or closed_lost. */
  open: z.boolean(),
  arr: z.number(),
  closeDate: z.string().nullable(),
  salesOwner: ref.nullable(),
  salesEngineer: ref.nullable(),
  solutionsArchitect: ref.nullable(),
  technicalWin: z.enum(TECHNICAL_WIN_STATUSES),
  technicalWinReason: z.string().nullable(),
  products: z.array(z.string()),
  description: z.string().nullable(),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;
export const opportunityPageSchema = pageSchema(opportunitySchema);
export type OpportunityPage = z.infer<typeof opportunityPageSchema>;

export const OPPORTUNITY_SORTS = ['close_date', 'arr', 'updated'] as const;

const listFilters = {
  accountId: id.optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only open deals; false: only closed ones'),
  salesEngineerId: id.optional(),
  solutionsArchitectId: id.optional(),
  salesOwnerId: id.optional(),
  /** Any of the deal's team: sales owner, sales engineer or solutions architect. */
  memberId: id.optional().describe('Deals where this member is the sales owner, sales engineer or solutions architect'),
  technicalWin: z.enum(TECHNICAL_WIN_STATUSES).optional(),
  closeFrom: isoDate.optional().describe('Close date on or after'),
  closeTo: isoDate.optional().describe('Close date on or before'),
  q: z.string().trim().max(100).optional().describe("Matches the deal's name or its account's name"),
};

export const opportunityListQuery = z.object({
  ...listFilters,
  sort: z.enum(OPPORTUNITY_SORTS).default('close_date'),
  order: z.enum(['asc', 'desc']).optional().describe('Default: soonest close first; largest ARR and latest change first'),
  ...pageQuery,
});
export type OpportunityListQuery = z.output<typeof opportunityListQuery>;

/** The pipeline by stage for the same filters as the list (without the stage filter). */
export const pipelineQuery = z.object(listFilters);
export type PipelineQuery = z.output<typeof pipelineQuery>;
export const pipelineSchema = z.object({
  stages: z.array(z.object({ stage: z.enum(OPPORTUNITY_STAGES), count: z.number(), arr: z.number() })),
  open: z.object({ count: z.number(), arr: z.number() }),
  won: z.object({ count: z.number(), arr: z.number() }),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const createOpportunityBody = z.strictObject({
  accountId: id,
  name: z.string().trim().min(1, 'Give the opportunity a name').max(200),
  stage: z.enum(OPPORTUNITY_STAGES).default('discovery'),
  arr: money.default(0),
  closeDate: isoDate.nullable().default(null),
  salesOwnerId: memberId.default(null),
  salesEngineerId: memberId.default(null),
  solutionsArchitectId: memberId.default(null),
  technicalWin: z.enum(TECHNICAL_WIN_STATUSES).default('not_started'),
  technicalWinReason: reason.nullable().default(null).describe('Required when the technical win is lost'),
  products: products.default([]),
  description: z.string().trim().max(10_000).nullable().default(null),
});
export type CreateOpportunityInput = z.input<typeof createOpportunityBody>;

export const updateOpportunityBody = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the opportunity a name').max(200).optional(),
    stage: z.enum(OPPORTUNITY_STAGES).optional(),
    arr: money.optional(),
    closeDate: isoDate.nullable().optional(),
    salesOwnerId: memberId.optional(),
    salesEngineerId: memberId.optional(),
    solutionsArchitectId: memberId.optional(),
    technicalWin: z.enum(TECHNICAL_WIN_STATUSES).optional(),
    technicalWinReason: reason
      .nullable()
      .optional()
      .describe('Required when the technical win is lost; cleared when the technical win changes without one'),
    products: products.optional().describe('The whole list, replacing the current one'),
    description: z.string().trim().max(10_000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateOpportunityInput = z.input<typeof updateOpportunityBody>;

// ---------------------------------------------------------------- interactions and timeline

export const logOpportunityInteractionBody = createInteractionBody;
export type LogOpportunityInteractionInput = z.input<typeof logOpportunityInteractionBody>;
export const opportunityInteractionSchema = interactionSchema;

export const TIMELINE_ENTRY_TYPES = ['created', 'stage_change', 'technical_win_change', 'interaction', 'demo', 'deal_support'] as const;
export const timelineEntrySchema = z.object({
  /** Unique within the timeline, e.g. "demo:<id>". */
  key: z.string(),
  type: z.enum(TIMELINE_ENTRY_TYPES),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: ref.nullable(),
  /** The record the entry stands for (an interaction, a demo, a request), when there is one. */
  recordId: z.string().nullable(),
  /** The interaction's kind, the demo's outcome or the request's status. */
  tag: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export const timelineSchema = z.object({ items: z.array(timelineEntrySchema) });

// ---------------------------------------------------------------- deal-support requests

const hours = z.number().finite('Give a number').min(0).max(10_000);

export const dealSupportSchema = z.object({
  id: z.string(),
  opportunity: ref.extend({ accountId: z.string(), accountName: z.string(), arr: z.number(), stage: z.enum(OPPORTUNITY_STAGES) }),
  kind: z.enum(DEAL_SUPPORT_KINDS),
  title: z.string(),
  status: z.enum(DEAL_SUPPORT_STATUSES),
  requestedBy: ref.nullable(),
  assignee: ref.nullable(),
  dueDate: z.string().nullable(),
  estimatedHours: z.number().nullable(),
  notes: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** Open and due before today (UTC). */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusChangedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type DealSupportRequest = z.infer<typeof dealSupportSchema>;
export const dealSupportPageSchema = pageSchema(dealSupportSchema);
export const dealSupportListSchema = z.object({ items: z.array(dealSupportSchema) });

export const createDealSupportBody = z.strictObject({
  kind: z.enum(DEAL_SUPPORT_KINDS),
  title: z.string().trim().min(1, 'Say what you need').max(200),
  assigneeId: memberId.default(null).describe('The engineer asked; notified in the app and by e-mail'),
  dueDate: isoDate.nullable().default(null),
  estimatedHours: hours.nullable().default(null),
  notes: z.string().trim().max(10_000).nullable().default(null),
});
export type CreateDealSupportInput = z.input<typeof createDealSupportBody>;

export const updateDealSupportBody = z
  .strictObject({
    status: z.enum(DEAL_SUPPORT_STATUSES).optional(),
    declineReason: reason.nullable().optional().describe('Required when declining'),
    assigneeId: memberId.optional(),
    title: z.string().trim().min(1, 'Say what you need').max(200).optional(),
    kind: z.enum(DEAL_SUPPORT_KINDS).optional(),
    dueDate: isoDate.nullable().optional(),
    estimatedHours: hours.nullable().optional(),
    notes: z.string().trim().max(10_000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateDealSupportInput = z.input<typeof updateDealSupportBody>;

export const dealSupportQueueQuery = z.object({
  status: z
    .enum([...DEAL_SUPPORT_STATUSES, 'open'])
    .optional()
    .describe('One status, or "open" for new, accepted and in progress'),
  assigneeId: z
    .union([id, z.literal('none')])
    .optional()
    .describe('An engineer, or "none" for unassigned requests'),
  kind: z.enum(DEAL_SUPPORT_KINDS).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only requests assigned to me or asked by me'),
  opportunityId: id.optional(),
  ...pageQuery,
});
export type DealSupportQueueQuery = z.output<typeof dealSupportQueueQuery>;

export const engineerLoadSchema = z.object({
  engineer: ref,
  roles: z.array(z.string()),
  openRequests: z.number(),
  /** Estimated hours of open requests (requests without an estimate count 0, and are counted in `unestimated`). */
  estimatedHoursOpen: z.number(),
  unestimated: z.number(),
  dueThisWeek: z.number(),
  overdue: z.number(),
});
export type EngineerLoad = z.infer<typeof engineerLoadSchema>;
export const engineerLoadListSchema = z.object({
  items: z.array(engineerLoadSchema),
  unassigned: z.object({ openRequests: z.number(), estimatedHoursOpen: z.number() }),
  weekEnds: z.string().describe('The last day (UTC) counted as this week'),
});

// ---------------------------------------------------------------- demos

export const followUpSchema = z.strictObject({
  text: z.string().trim().min(1, 'A follow-up needs words').max(500),
  done: z.boolean().default(false),
});
const followUps = z.array(followUpSchema).max(50, 'At most 50 follow-ups');

export const demoSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  title: z.string(),
  occurredAt: z.string(),
  durationMinutes: z.number(),
  contacts: z.array(ref.extend({ title: z.string().nullable() })),
  presenters: z.array(ref),
  otherAttendees: z.array(z.string()),
  script: z.string().nullable(),
  environment: ref.extend({ product: z.string().nullable() }).nullable(),
  outcome: z.enum(DEMO_OUTCOMES).nullable(),
  notes: z.string().nullable(),
  followUps: z.array(z.object({ text: z.string(), done: z.boolean() })),
  interactionId: z.string().nullable(),
  dealSupportRequestId: z.string().nullable(),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Demo = z.infer<typeof demoSchema>;
export const demoListSchema = z.object({ items: z.array(demoSchema) });

const demoFields = {
  title: z.string().trim().min(1, 'Give the demo a title').max(200),
  occurredAt: isoDateTime,
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60, 'At most a day'),
  contactIds: z.array(id).max(100).describe("Contacts of the opportunity's account who attended"),
  presenterIds: z.array(id).max(20).describe('Members who presented'),
  otherAttendees: z.array(z.string().trim().min(1).max(200)).max(50).describe('Attendees named in free text'),
  script: z.string().trim().max(20_000).nullable().describe('The script or storyline used'),
  environmentId: id.nullable().describe("A customer environment of the opportunity's account the demo ran on"),
  outcome: z.enum(DEMO_OUTCOMES).nullable(),
  notes: z.string().trim().max(20_000).nullable(),
  followUps,
  dealSupportRequestId: id.nullable().describe('The demo request of this opportunity it answers'),
};

export const createDemoBody = z.strictObject({
  title: demoFields.title,
  occurredAt: demoFields.occurredAt,
  durationMinutes: demoFields.durationMinutes.default(60),
  contactIds: demoFields.contactIds.default([]),
  presenterIds: demoFields.presenterIds.default([]),
  otherAttendees: demoFields.otherAttendees.default([]),
  script: demoFields.script.default(null),
  environmentId: demoFields.environmentId.default(null),
  outcome: demoFields.outcome.default(null),
  notes: demoFields.notes.default(null),
  followUps: followUps.default([]),
  dealSupportRequestId: demoFields.dealSupportRequestId.default(null),
});
export type CreateDemoInput = z.input<typeof createDemoBody>;

export const updateDemoBody = z
  .strictObject({
    title: demoFields.title.optional(),
    occurredAt: demoFields.occurredAt.optional(),
    durationMinutes: demoFields.durationMinutes.optional(),
    contactIds: demoFields.contactIds.optional(),
    presenterIds: demoFields.presenterIds.optional(),
    otherAttendees: demoFields.otherAttendees.optional(),
    script: demoFields.script.optional(),
    environmentId: demoFields.environmentId.optional(),
    outcome: demoFields.outcome.optional(),
    notes: demoFields.notes.optional(),
    followUps: followUps.optional().describe('The whole list, replacing the current one'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateDemoInput = z.input<typeof updateDemoBody>;
