import { z } from 'zod';
import { accountSchema } from '../../accounts/contract/accounts.js';
import { attachmentSchema } from './attachments.js';
import { ticketCustomFieldSchema } from './ticket-fields.js';
import { CHANNELS, SUBMIT_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, TIERS } from './kinds.js';

export { CHANNELS, SUBMIT_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, TIERS, UNSOLVED } from './kinds.js';

/** A custom field's value as the API carries it: text, a number, a checkbox, a multiselect's values, or none. */
export const customFieldValue = z
  .union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)])
  .nullable();
/** Custom field values to set on a ticket (issue 18); a field not named keeps its value. */
export const customFieldsInput = z.array(z.strictObject({ fieldId: z.string().max(64), value: customFieldValue })).max(200);

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_:.-]{0,49}$/, 'Tags are lower-case words (letters, digits, - _ : .), up to 50 characters');

export const ticketSchema = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  type: z.enum(TICKET_TYPES).nullable().describe('Question, incident, problem or task (Zendesk’s types); null when unset'),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  tier: z.enum(TIERS),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  requester: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  account: z.object({ id: z.string(), name: z.string(), segment: z.string() }),
  channel: z.enum(CHANNELS),
  tags: z.array(z.string()),
  customFields: z.array(ticketCustomFieldSchema).describe('The custom fields this ticket holds a value for, in the fields’ order'),
  deploymentId: z.string().nullable(),
  engineeringLink: z.string().nullable(),
  reopenCount: z.number(),
  tierEnteredAt: z.string(),
  sla: z.object({
    policyId: z.string().nullable(),
    firstReplyDueAt: z.string().nullable(),
    nextReplyDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    dueAt: z.string().nullable().describe('The earliest active target'),
    paused: z.boolean(),
    breaches: z.array(z.string()),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  solvedAt: z.string().nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const createTicketBody = z
  .strictObject({
    subject: z.string().trim().min(1, 'Give the ticket a subject').max(300),
    description: z.string().trim().min(1, 'Describe the problem').max(100_000).describe('The first message, from the requester'),
    requesterId: z.string().max(64).optional().describe('An existing contact'),
    requesterEmail: z.email('Enter a valid e-mail address').max(254).optional().describe('Matched to a contact, or a new contact is made'),
    requesterName: z.string().trim().max(200).optional(),
    accountId: z.string().max(64).optional().describe('Needed only when the requester’s e-mail domain matches no account'),
    priority: z.enum(TICKET_PRIORITIES).default('normal'),
    type: z.enum(TICKET_TYPES).nullish(),
    customFields: customFieldsInput.optional(),
    channel: z.enum(CHANNELS).default('web'),
    tags: z.array(tag).max(30).default([]),
    assigneeId: z.string().max(64).nullish(),
    groupId: z.string().max(64).nullish(),
  })
  .refine((b) => b.requesterId || b.requesterEmail, {
    message: 'Name the requester: requesterId or requesterEmail',
    path: ['requesterEmail'],
  });
export type CreateTicketInput = z.infer<typeof createTicketBody>;

export const updateTicketBody = z.strictObject({
  subject: z.string().trim().min(1, 'Give the ticket a subject').max(300).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  type: z.enum(TICKET_TYPES).nullish(),
  customFields: customFieldsInput.optional(),
  assigneeId: z.string().max(64).nullish(),
  groupId: z.string().max(64).nullish(),
  tags: z.array(tag).max(30).optional(),
  deploymentId: z.string().max(64).nullish(),
});
export type UpdateTicketInput = z.infer<typeof updateTicketBody>;

export const messageSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  visibility: z.enum(['public', 'internal']),
  author: z.object({ type: z.enum(['member', 'contact', 'system']), id: z.string().nullable(), name: z.string() }),
  body: z.string(),
  via: z.enum(['web', 'email', 'portal', 'api']),
  createdAt: z.string(),
  attachments: z.array(attachmentSchema),
});
export type TicketMessage = z.infer<typeof messageSchema>;

export const addMessageBody = z.strictObject({
  body: z.string().trim().min(1, 'Write a message').max(100_000),
  visibility: z.enum(['public', 'internal']).default('public'),
  status: z.enum(SUBMIT_STATUSES).optional().describe('Submit as: the status to set with this reply'),
});
export type AddMessageInput = z.infer<typeof addMessageBody>;

export const escalateBody = z
  .strictObject({
    toTier: z.enum(TIERS),
    reason: z.string().trim().min(3, 'Say why the case is escalated').max(2000),
    summary: z.string().trim().min(3, 'Summarise what was tried').max(20_000),
    engineeringLink: z.url('Link the engineering issue with a full URL').max(1000).optional(),
    groupId: z.string().max(64).nullish(),
  })
  .refine((b) => b.toTier !== 'engineering' || !!b.engineeringLink, {
    message: 'Escalating to engineering needs the engineering issue link',
    path: ['engineeringLink'],
  });
export type EscalateInput = z.infer<typeof escalateBody>;

export const escalationSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  fromTier: z.enum(TIERS),
  toTier: z.enum(TIERS),
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string() }),
  ruleId: z.string().nullable(),
  reason: z.string(),
  summary: z.string(),
  engineeringLink: z.string().nullable(),
  at: z.string(),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** The escalation dialog's pre-filled summary. */
export const escalationDraftSchema = z.object({ summary: z.string() });

export const ticketEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export const viewFiltersSchema = z.strictObject({
  statuses: z.array(z.enum(TICKET_STATUSES)).min(1).optional(),
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.string().max(64)]).optional(),
  groupId: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  tag: tag.optional(),
  dueWithinMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .optional()
    .describe('Only tickets whose next SLA target is due within this many minutes (or already overdue)'),
});
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  filters: viewFiltersSchema,
  shared: z.boolean(),
  count: z.number().optional(),
});
export type TicketView = z.infer<typeof viewSchema>;

export const createViewBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  filters: viewFiltersSchema,
  shared: z.boolean().default(false),
});
export type CreateViewInput = z.infer<typeof createViewBody>;

/** The ticket page: the ticket, its conversation, its account and the account's latest other tickets. */
export const ticketDetailSchema = z.object({
  ticket: ticketSchema,
  messages: z.array(messageSchema),
  account: accountSchema,
  recentTickets: z.array(ticketSchema.pick({ id: true, number: true, subject: true, status: true, priority: true, createdAt: true })),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketListQuery = z.object({
  view: z.string().max(64).optional().describe('A view id; its filters apply'),
  status: z.enum(TICKET_STATUSES).optional(),
  tier: z.enum(TIERS).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  assignee: z.string().max(64).optional().describe('"me", "none" or a member id'),
  accountId: z.string().max(64).optional(),
  requesterId: z.string().max(64).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;
