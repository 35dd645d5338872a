/**
 * The support module's enum values, without zod: the web app imports these lists at run time
 * (select options, labels), so this file must stay free of schemas to keep zod out of its bundle.
 */

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TIERS = ['tier1', 'tier2', 'engineering'] as const;
export type Tier = (typeof TIERS)[number];
/** Zendesk's ticket types (issue 18); a ticket may have none. */
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'checkbox',
  'date',
  'dropdown',
  'multiselect',
  'regexp',
] as const;
export type TicketFieldType = (typeof TICKET_FIELD_TYPES)[number];
export const CHANNELS = ['email', 'portal', 'api', 'phone', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Statuses in which a ticket still needs work. */
export const UNSOLVED: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];
/** The statuses an agent can set with a reply or a macro (Zendesk's "Submit as"). */
export const SUBMIT_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;
export type SubmitStatus = (typeof SUBMIT_STATUSES)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_VISIBILITIES = ['internal', 'public'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

export const CSAT_RATINGS = ['good', 'bad'] as const;

export const STEP_OUTCOMES = ['done', 'failed', 'skipped'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];
export const RUN_STATUSES = ['in_progress', 'resolved', 'escalated'] as const;
