import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { FEEDBACK_SOURCES, IMPACTS, REQUEST_STATUSES } from './kinds.js';

/**
 * Feedback items (issue 14): one customer need, in the customer's words, captured from wherever it
 * was heard and linked to the feature request it rolls up into. JSON is camelCase, timestamps ISO.
 */

const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });
const tag = z.string().trim().min(1).max(40);

export const feedbackItemSchema = z.object({
  id: z.string(),
  account: ref,
  contact: ref.nullable(),
  capturedBy: ref.nullable(),
  title: z.string(),
  quote: z.string().describe('The customer’s own words'),
  impact: z.enum(IMPACTS),
  source: z.object({
    type: z.enum(FEEDBACK_SOURCES),
    id: z.string().nullable(),
    label: z.string().describe('What the source is, for a link: "Ticket #12 · Login fails", "Meeting 3 Mar"'),
    url: z.string().nullable().describe('The workbench path of the source record, when it has a page'),
  }),
  productArea: z.string().nullable(),
  tags: z.array(z.string()),
  pipelineArr: z
    .number()
    .describe(
      'ARR of the open opportunity the item was captured from (a requirement gap): it counts as pipeline on its request; 0 otherwise',
    ),
  request: z.object({ id: z.string(), title: z.string(), status: z.enum(REQUEST_STATUSES) }).nullable(),
  linkedAt: z.string().nullable(),
  customerToldAt: z.string().nullable().describe('When the customer was told the request shipped'),
  createdAt: z.string(),
});
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

export const createFeedbackBody = z.strictObject({
  accountId: id.optional().describe('Required unless the source names the account (a ticket, interaction, POC criterion or task)'),
  contactId: id.nullish(),
  title: z.string().trim().min(1, 'Give the need a short title').max(200),
  quote: z.string().trim().min(1, 'Quote what the customer said').max(10_000),
  impact: z.enum(IMPACTS),
  sourceType: z.enum(FEEDBACK_SOURCES).default('manual'),
  sourceId: id.nullish(),
  productArea: z.string().trim().max(80).nullish(),
  tags: z.array(tag).max(20).default([]),
  requestId: id.nullish().describe('Link to this feature request at once'),
});
export type CreateFeedbackInput = z.input<typeof createFeedbackBody>;

export const updateFeedbackBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  quote: z.string().trim().min(1).max(10_000).optional(),
  impact: z.enum(IMPACTS).optional(),
  contactId: id.nullish(),
  productArea: z.string().trim().max(80).nullish(),
  tags: z.array(tag).max(20).optional(),
});
export type UpdateFeedbackInput = z.input<typeof updateFeedbackBody>;

export const linkFeedbackBody = z.union([
  z.strictObject({ requestId: id }),
  z.strictObject({
    newRequest: z.strictObject({
      title: z.string().trim().min(1).max(200),
      description: z.string().trim().max(20_000).default(''),
      productArea: z.string().trim().max(80).nullish(),
    }),
  }),
  z.strictObject({ requestId: z.null() }),
]);
export type LinkFeedbackInput = z.input<typeof linkFeedbackBody>;

export const feedbackListQuery = z.strictObject({
  ...pageQuery,
  linked: z.enum(['any', 'linked', 'unlinked']).default('any'),
  accountId: id.optional(),
  requestId: id.optional(),
  sourceType: z.enum(FEEDBACK_SOURCES).optional(),
  sourceId: id.optional(),
  impact: z.enum(IMPACTS).optional(),
  productArea: z.string().trim().max(80).optional(),
  q: z.string().trim().max(200).optional(),
});

/** The triage inbox: unlinked items first, each with the requests it most resembles. */
export const inboxEntrySchema = z.object({
  item: feedbackItemSchema,
  suggestions: z.array(
    z.object({ id: z.string(), title: z.string(), status: z.enum(REQUEST_STATUSES), customerCount: z.number(), why: z.string() }),
  ),
});
export const inboxSchema = z.object({ items: z.array(inboxEntrySchema), unlinkedCount: z.number(), nextCursor: z.string().nullable() });
