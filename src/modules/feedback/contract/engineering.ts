import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { ISSUE_SEVERITIES, ISSUE_STATUSES, ISSUE_TRACKERS } from './kinds.js';

/**
 * Engineering issues (issue 14): a bug escalated to engineering as a record of its own — key,
 * reproduction, the tickets it hurts, the tracker it lives in — and the tracker set-up. JSON is
 * camelCase, timestamps ISO.
 */

const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });
const reproText = z.string().trim().max(20_000);

export const engineeringIssueTicketSchema = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.string(),
  account: ref,
  linkedAt: z.string(),
  draftedReply: z.string().nullable().describe('The public reply drafted when the fix shipped, until it is sent or discarded'),
  replySentAt: z.string().nullable(),
});

export const engineeringIssueSchema = z.object({
  id: z.string(),
  key: z.string().describe('ENG-12 (kept in Outpost), owner/repo#45 (GitHub) or PROJ-45 (Jira)'),
  title: z.string(),
  tracker: z.enum(ISSUE_TRACKERS),
  trackerUrl: z.string().nullable(),
  status: z.enum(ISSUE_STATUSES),
  severity: z.enum(ISSUE_SEVERITIES),
  fixRelease: z.string().nullable(),
  reproduction: z.object({
    steps: z.string(),
    expected: z.string(),
    actual: z.string(),
    environment: z.object({ id: z.string(), name: z.string(), product: z.string(), account: ref }).nullable(),
    productVersion: z.string().nullable(),
    configuration: z.record(z.string(), z.unknown()),
  }),
  tickets: z.array(engineeringIssueTicketSchema),
  featureRequest: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  fixAnnouncedAt: z.string().nullable().describe('When linked tickets were told the fix shipped (once per issue)'),
});
export type EngineeringIssue = z.infer<typeof engineeringIssueSchema>;

export const engineeringIssueSummarySchema = engineeringIssueSchema
  .pick({ id: true, key: true, title: true, tracker: true, trackerUrl: true, status: true, severity: true, fixRelease: true })
  .extend({ ticketCount: z.number(), updatedAt: z.string() });
export type EngineeringIssueSummary = z.infer<typeof engineeringIssueSummarySchema>;

export const createIssueBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the issue a title').max(300),
  severity: z.enum(ISSUE_SEVERITIES).default('medium'),
  reproSteps: reproText.default(''),
  reproExpected: reproText.default(''),
  reproActual: reproText.default(''),
  environmentId: id.nullish().describe('The environment it happens on; else the linked ticket’s environment'),
  ticketId: id.nullish().describe('Link this ticket at once'),
  featureRequestId: id.nullish(),
  tracker: z.enum(ISSUE_TRACKERS).optional().describe('Default: the configured tracker, else outpost'),
});
export type CreateEngineeringIssueInput = z.input<typeof createIssueBody>;

export const updateIssueBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
  fixRelease: z.string().trim().min(1).max(100).nullish(),
  reproSteps: reproText.optional(),
  reproExpected: reproText.optional(),
  reproActual: reproText.optional(),
  environmentId: id.nullish(),
});
export type UpdateEngineeringIssueInput = z.input<typeof updateIssueBody>;

export const issueListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(ISSUE_STATUSES).optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
  q: z.string().trim().max(200).optional().describe('Key or words of the title'),
  ticketId: id.optional().describe('Only the issues linked to this ticket'),
});

export const linkTicketBody = z.strictObject({ ticketId: id });
export const linkFeatureRequestBody = z.strictObject({ featureRequestId: id.nullable() });

/** Escalating a ticket to engineering: create the issue (repro prefilled) or link an existing one. */
export const engineeringEscalationBody = z
  .strictObject({
    reason: z.string().trim().min(3, 'Say why the case is escalated').max(2000),
    summary: z.string().trim().min(3, 'Summarise what was tried').max(20_000),
    groupId: id.nullish(),
    issueId: id.optional().describe('Link this existing engineering issue'),
    newIssue: createIssueBody.omit({ ticketId: true }).optional().describe('Or create this one'),
  })
  .refine((b) => !!b.issueId !== !!b.newIssue, {
    message: 'Create an engineering issue or link an existing one (one of the two)',
    path: ['issueId'],
  });
export type EngineeringEscalationInput = z.input<typeof engineeringEscalationBody>;

export const escalationResultSchema = z.object({ escalationId: z.string(), issue: engineeringIssueSchema });

/** The escalation dialog's prefilled issue: the ticket's subject, its first message, its environment. */
export const issueDraftSchema = z.object({
  title: z.string(),
  reproSteps: z.string(),
  reproExpected: z.string(),
  reproActual: z.string(),
  environmentId: z.string().nullable(),
});

export const affectedSchema = z.object({
  fixRelease: z.string().nullable(),
  product: z.string().nullable(),
  environments: z.array(
    z.object({ id: z.string(), name: z.string(), account: ref, version: z.string(), product: z.string(), hosting: z.string() }),
  ),
});
export const upgradeCampaignBody = z.strictObject({ name: z.string().trim().min(1).max(200).optional() });
export const upgradeCampaignResultSchema = z.object({ campaignId: z.string(), environmentCount: z.number() });

// --- Tracker set-up ----------------------------------------------------------------------------

const url = z.url().max(500);
const secret = z.string().min(1).max(500);

export const trackerSettingsSchema = z.object({
  defaultTracker: z.enum(ISSUE_TRACKERS),
  autoSendFixReplies: z.boolean(),
  github: z.object({ apiUrl: z.string(), repo: z.string(), hasToken: z.boolean(), hasWebhookSecret: z.boolean() }).nullable(),
  jira: z
    .object({ baseUrl: z.string(), projectKey: z.string(), email: z.string(), hasApiToken: z.boolean(), hasWebhookSecret: z.boolean() })
    .nullable(),
});
export type TrackerSettings = z.infer<typeof trackerSettingsSchema>;

/** Secrets left out keep their stored value; they are never sent back. */
export const trackerSettingsBody = z.strictObject({
  defaultTracker: z.enum(ISSUE_TRACKERS).optional(),
  autoSendFixReplies: z.boolean().optional(),
  github: z
    .strictObject({
      apiUrl: url.default('https://api.github.com'),
      repo: z
        .string()
        .trim()
        .regex(/^[\w.-]+\/[\w.-]+$/, 'Name the repository as owner/name')
        .max(200),
      token: secret.optional(),
      webhookSecret: secret.optional(),
    })
    .nullish(),
  jira: z
    .strictObject({
      baseUrl: url,
      projectKey: z
        .string()
        .trim()
        .regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'A Jira project key, such as PROJ'),
      email: z.email().max(200),
      apiToken: secret.optional(),
      webhookSecret: secret.optional(),
    })
    .nullish(),
});
export type TrackerSettingsInput = z.input<typeof trackerSettingsBody>;

export const webhookResultSchema = z.object({
  outcome: z.enum(['updated', 'duplicate', 'ignored']),
  issueKey: z.string().nullable(),
});
