import { z } from 'zod';
import { tag } from '../../support/contract/tickets.js';

/**
 * The Zendesk-compatible API's tickets, ticket comments, tags and job statuses (issue 18), as
 * Zendesk's Support API reference names them (snake_case, numeric ids, ISO-8601 UTC times).
 * Response schemas document the answers (OpenAPI); request schemas check what clients send.
 */

export const ZENDESK_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const ZENDESK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZENDESK_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export const ZENDESK_SORT_KEYS = ['id', 'created_at', 'updated_at', 'status', 'priority'] as const;

const numericId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const customFieldValueOut = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable();

export const zendeskCustomFieldSchema = z.object({ id: z.number(), value: customFieldValueOut });

export const zendeskViaSchema = z.object({
  channel: z.string().describe('web, email, api or voice'),
  source: z.object({ from: z.record(z.string(), z.unknown()), to: z.record(z.string(), z.unknown()), rel: z.string().nullable() }),
});

export const zendeskTicketSchema = z.object({
  id: z.number(),
  url: z.string(),
  external_id: z.string().nullable(),
  type: z.enum(ZENDESK_TYPES).nullable(),
  subject: z.string(),
  raw_subject: z.string(),
  description: z.string(),
  priority: z.enum(ZENDESK_PRIORITIES).nullable(),
  status: z.enum(ZENDESK_STATUSES),
  recipient: z.string().nullable(),
  requester_id: z.number(),
  submitter_id: z.number(),
  assignee_id: z.number().nullable(),
  organization_id: z.number().nullable(),
  group_id: z.number().nullable(),
  collaborator_ids: z.array(z.number()),
  follower_ids: z.array(z.number()),
  email_cc_ids: z.array(z.number()),
  forum_topic_id: z.number().nullable(),
  problem_id: z.number().nullable(),
  has_incidents: z.boolean(),
  is_public: z.boolean(),
  due_at: z.string().nullable(),
  tags: z.array(z.string()),
  custom_fields: z.array(zendeskCustomFieldSchema),
  fields: z.array(zendeskCustomFieldSchema),
  satisfaction_rating: z.unknown().nullable(),
  sharing_agreement_ids: z.array(z.number()),
  followup_ids: z.array(z.number()),
  ticket_form_id: z.number().nullable(),
  brand_id: z.number().nullable(),
  allow_channelback: z.boolean(),
  allow_attachments: z.boolean(),
  from_messaging_channel: z.boolean(),
  via: zendeskViaSchema,
  generated_timestamp: z.number().describe('updated_at in epoch seconds, as incremental exports carry it'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

export const zendeskAttachmentSchema = z.object({
  id: z.number(),
  file_name: z.string(),
  content_url: z.string(),
  content_type: z.string(),
  size: z.number(),
  inline: z.boolean(),
  deleted: z.boolean(),
  thumbnails: z.array(z.unknown()),
});

export const zendeskCommentSchema = z.object({
  id: z.number(),
  type: z.literal('Comment'),
  author_id: z.number().nullable(),
  body: z.string(),
  html_body: z.string(),
  plain_body: z.string(),
  public: z.boolean(),
  attachments: z.array(zendeskAttachmentSchema),
  audit_id: z.number(),
  via: zendeskViaSchema,
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type ZendeskComment = z.infer<typeof zendeskCommentSchema>;

export const zendeskAuditSchema = z.object({
  id: z.number(),
  ticket_id: z.number(),
  author_id: z.number().nullable(),
  created_at: z.string(),
  via: zendeskViaSchema,
  metadata: z.record(z.string(), z.unknown()),
  events: z.array(z.record(z.string(), z.unknown())),
});

export const ticketEnvelope = z.object({ ticket: zendeskTicketSchema });
export const ticketWithAuditEnvelope = z.object({ ticket: zendeskTicketSchema, audit: zendeskAuditSchema });

const pagingEnvelope = {
  next_page: z.string().nullable().optional(),
  previous_page: z.string().nullable().optional(),
  count: z.number().optional(),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.string().nullable() }).optional(),
  links: z.object({ next: z.string().nullable(), prev: z.string().nullable() }).optional(),
};
export const ticketListEnvelope = z.object({ tickets: z.array(zendeskTicketSchema), ...pagingEnvelope });
export const commentListEnvelope = z.object({ comments: z.array(zendeskCommentSchema), ...pagingEnvelope });

export const tagCountSchema = z.object({ name: z.string(), count: z.number() });
export const tagCountListEnvelope = z.object({ tags: z.array(tagCountSchema), ...pagingEnvelope });
export const tagListEnvelope = z.object({ tags: z.array(z.string()) });

export const jobResultSchema = z.object({
  id: z.number().optional(),
  index: z.number(),
  action: z.string().optional(),
  success: z.boolean().optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  details: z.string().optional(),
});
export const jobStatusSchema = z.object({
  id: z.string(),
  url: z.string(),
  job_type: z.string(),
  status: z.enum(['queued', 'working', 'completed', 'failed', 'killed']),
  total: z.number(),
  progress: z.number(),
  message: z.string().nullable(),
  results: z.array(jobResultSchema).nullable(),
});
export type ZendeskJobStatus = z.infer<typeof jobStatusSchema>;
export const jobStatusEnvelope = z.object({ job_status: jobStatusSchema });
export const jobStatusListEnvelope = z.object({ job_statuses: z.array(jobStatusSchema) });

// ---- requests ----------------------------------------------------------------------------------

const text = (max: number) => z.string().max(max);
/** Outpost's tag rule (lower-case words); Zendesk lower-cases tags too. */
const tagInput = tag;
const customFieldInput = z.object({
  id: numericId,
  value: z.union([text(10_000), z.number(), z.boolean(), z.array(text(200)).max(100)]).nullable(),
});

/** A comment added with a ticket create or update: a public reply or (public: false) an internal note. */
export const commentInput = z.strictObject({
  // zenpy sends every object with its `id` (null when new); read-only keys of a comment read back are ignored.
  id: z.unknown().optional(),
  type: z.unknown().optional(),
  created_at: z.unknown().optional(),
  plain_body: z.unknown().optional(),
  attachments: z.unknown().optional(),
  audit_id: z.unknown().optional(),
  via: z.unknown().optional(),
  metadata: z.unknown().optional(),
  body: text(100_000).optional(),
  html_body: text(200_000).optional(),
  public: z.boolean().optional(),
  author_id: numericId.optional(),
  uploads: z.array(text(200)).max(0, 'Uploads are not supported here; attach files in Outpost').optional(),
});

/**
 * Fields Zendesk shows but takes no value for (or that Outpost does not keep): accepted and left
 * alone, so a client may send back a ticket it read (zenpy and node-zendesk do).
 */
const ignoredTicketFields = {
  id: z.unknown().optional(),
  url: z.unknown().optional(),
  description: text(100_000).optional().describe('On create, the first comment when no `comment` is given'),
  raw_subject: z.unknown().optional(),
  recipient: z.unknown().optional(),
  submitter_id: z.unknown().optional(),
  collaborator_ids: z.unknown().optional(),
  collaborators: z.unknown().optional(),
  follower_ids: z.unknown().optional(),
  email_cc_ids: z.unknown().optional(),
  email_ccs: z.unknown().optional(),
  followers: z.unknown().optional(),
  forum_topic_id: z.unknown().optional(),
  problem_id: z.unknown().optional(),
  has_incidents: z.unknown().optional(),
  is_public: z.unknown().optional(),
  due_at: z.unknown().optional(),
  satisfaction_rating: z.unknown().optional(),
  sharing_agreement_ids: z.unknown().optional(),
  followup_ids: z.unknown().optional(),
  ticket_form_id: z.unknown().optional(),
  brand_id: z.unknown().optional(),
  allow_channelback: z.unknown().optional(),
  allow_attachments: z.unknown().optional(),
  from_messaging_channel: z.unknown().optional(),
  generated_timestamp: z.unknown().optional(),
  created_at: z.unknown().optional(),
  updated_at: z.unknown().optional(),
  safe_update: z.unknown().optional(),
  updated_stamp: z.unknown().optional(),
  metadata: z.unknown().optional(),
  via: z.unknown().optional(),
  organization_id: z.unknown().optional(),
  // Write-only keys node-zendesk documents that Outpost has nothing to apply to.
  macro_id: z.unknown().optional(),
  macro_ids: z.unknown().optional(),
  via_id: z.unknown().optional(),
  custom_status_id: z.unknown().optional(),
  attribute_value_ids: z.unknown().optional(),
  via_followup_source_id: z.unknown().optional(),
};

const ticketFields = {
  ...ignoredTicketFields,
  subject: text(300).optional(),
  comment: commentInput.optional(),
  priority: z.enum(ZENDESK_PRIORITIES).nullish(),
  type: z.enum(ZENDESK_TYPES).nullish(),
  status: z.enum(ZENDESK_STATUSES).optional(),
  tags: z.array(tagInput).max(30).optional(),
  custom_fields: z.array(customFieldInput).max(200).optional(),
  fields: z.array(customFieldInput).max(200).optional(),
  assignee_id: numericId.nullish(),
  group_id: numericId.nullish(),
  requester_id: numericId.optional(),
  external_id: text(255).nullish(),
};

export const ticketCreateInput = z.strictObject({
  ...ticketFields,
  requester: z
    .strictObject({
      id: z.null().optional(),
      name: text(200).optional(),
      email: z.email('Enter a valid e-mail address').max(254),
      locale_id: z.number().int().optional(),
    })
    .optional(),
});
export type ZendeskTicketCreate = z.infer<typeof ticketCreateInput>;

export const ticketUpdateInput = z.strictObject({
  ...ticketFields,
  additional_tags: z.array(tagInput).max(30).optional(),
  remove_tags: z.array(tagInput).max(30).optional(),
});
export type ZendeskTicketUpdate = z.infer<typeof ticketUpdateInput>;

export const createTicketBody = z.strictObject({ ticket: ticketCreateInput });
export const createManyBody = z.strictObject({ tickets: z.array(ticketCreateInput).min(1).max(100) });
export const updateTicketBody = z.strictObject({ ticket: ticketUpdateInput });
/** update_many: one change for the tickets named by `?ids=`, or a change per ticket, each with its id. */
export const updateManyBody = z
  .strictObject({
    ticket: ticketUpdateInput.optional(),
    tickets: z
      .array(ticketUpdateInput.extend({ id: numericId }))
      .min(1)
      .max(100)
      .optional(),
  })
  .refine((b) => (b.ticket === undefined) !== (b.tickets === undefined), {
    message: 'Send either `ticket` (with ?ids=) or `tickets` (each with its id)',
    path: ['ticket'],
  });
export const tagsBody = z.strictObject({ tags: z.array(tagInput).max(30) });

export const idsQuery = z.object({ ids: text(2000).optional() });
export const ticketIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const jobStatusParams = z.object({ id: text(64) });
