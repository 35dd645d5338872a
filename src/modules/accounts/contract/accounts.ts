import { z } from 'zod';
import { ROLES } from '../../identity/contract/roles.js';
import { CUSTOMER_ROLES, INTERACTION_KINDS, LIFECYCLE_STAGES, SEGMENTS } from './kinds.js';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'Use a bare domain such as example.com');
const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
/** An account's tag (a Zendesk organization's tags come across as these): a lower-case word. */
export const accountTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_:.-]{0,49}$/, 'Tags are lower-case words (letters, digits, - _ : .), up to 50 characters');
const notes = z.string().trim().max(20_000).nullish();

export const evidenceSchema = z.object({
  verdict: z.enum(['engaged', 'transactional']),
  windowDays: z.number(),
  interactionCount: z.number(),
  deepInteractionCount: z.number(),
  activeMonths: z.number(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  spanDays: z.number(),
  kinds: z.record(z.string(), z.number()),
  activeEngagements: z.number(),
  criteria: z.array(z.object({ label: z.string(), actual: z.number(), required: z.number(), met: z.boolean() })),
  computedAt: z.string(),
});

export const teamSlotSchema = z.object({ role: z.string(), memberId: z.string(), memberName: z.string() });

export const accountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  segment: z.enum(SEGMENTS),
  arr: z.number(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  renewalDate: z.string().nullable(),
  relationship: z.enum(['engaged', 'transactional']),
  internal: z
    .boolean()
    .describe('Our own company: its requesters are staff, not customers (never a customer relationship in a role profile)'),
  contactCount: z.number(),
  tags: z.array(z.string()).describe('The account’s tags, sorted'),
  accountManager: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('The technical account manager, else the customer success engineer'),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountSchema = accountSummarySchema.extend({
  notes: z.string().nullable().describe('Free text about the account (a Zendesk organization’s notes)'),
  relationshipEvidence: evidenceSchema,
  team: z.array(teamSlotSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const createAccountBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter the account’s name').max(200),
  domains: z.array(domain).max(20).default([]),
  segment: z.enum(SEGMENTS),
  arr: z.number().int('ARR is a whole amount').min(0, 'ARR cannot be negative').max(10_000_000_000).default(0),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).default('onboarding'),
  renewalDate: isoDate.nullish(),
  internal: z.boolean().optional().describe('Our own company: its requesters are staff, not customers (default false)'),
  tags: z.array(accountTag).max(50).optional(),
  notes,
});
export type CreateAccountInput = z.infer<typeof createAccountBody>;

export const updateAccountBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter the account’s name').max(200).optional(),
  domains: z.array(domain).max(20).optional(),
  segment: z.enum(SEGMENTS).optional(),
  arr: z.number().int('ARR is a whole amount').min(0, 'ARR cannot be negative').max(10_000_000_000).optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  renewalDate: isoDate.nullish(),
  internal: z.boolean().optional(),
  tags: z.array(accountTag).max(50).optional().describe('Replaces the account’s tags'),
  notes,
});
export type UpdateAccountInput = z.infer<typeof updateAccountBody>;

export const ACCOUNT_SORTS = ['name', 'arr', 'renewal_date'] as const;

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Matches name or e-mail domain'),
  segment: z.enum(SEGMENTS).optional(),
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  relationship: z.enum(['engaged', 'transactional']).optional(),
  tag: accountTag.optional().describe('Only accounts with this tag'),
  memberId: z.string().max(64).optional().describe('Only accounts whose team includes this member'),
  renewalFrom: isoDate.optional().describe('Renewal on or after this date'),
  renewalTo: isoDate.optional().describe('Renewal on or before this date'),
  sort: z.enum(ACCOUNT_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const setTeamBody = z.strictObject({
  slots: z
    .array(z.strictObject({ role: z.enum(ROLES), memberId: z.string().max(64) }))
    .max(ROLES.length)
    .refine((s) => new Set(s.map((x) => x.role)).size === s.length, 'One member per role: a role appears twice'),
});

export const contactSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  customerRole: z.enum(CUSTOMER_ROLES).nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

/** A contact in its account's list, with whether they may sign in to the customer portal. */
export const accountContactSchema = contactSchema.extend({ portalAccess: z.boolean() });
export type AccountContact = z.infer<typeof accountContactSchema>;
export const accountContactListSchema = z.object({ items: z.array(accountContactSchema) });

export const createContactBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter the contact’s name').max(200),
  email: z.email('Enter a valid e-mail address').max(254),
  title: z.string().trim().max(200).nullish(),
  customerRole: z.enum(CUSTOMER_ROLES).nullish(),
  phone: z.string().trim().max(50).nullish(),
});
export type CreateContactInput = z.infer<typeof createContactBody>;

export const updateContactBody = createContactBody.partial();
export type UpdateContactInput = z.infer<typeof updateContactBody>;

export const interactionSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: z.string(),
  durationMinutes: z.number(),
  subject: z.string(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
  attendees: z.array(z.object({ type: z.enum(['member', 'contact']), id: z.string(), name: z.string() })),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const createInteractionBody = z.strictObject({
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: z.iso.datetime({ offset: true, message: 'Use an ISO date-time such as 2026-05-01T14:00:00Z' }),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 14, 'At most two weeks'),
  subject: z.string().trim().min(1, 'Say what the interaction was about').max(300),
  notes: z.string().max(20_000).nullish(),
  memberIds: z.array(z.string().max(64)).max(50).default([]),
  contactIds: z.array(z.string().max(64)).max(100).default([]),
});
export type CreateInteractionInput = z.infer<typeof createInteractionBody>;
