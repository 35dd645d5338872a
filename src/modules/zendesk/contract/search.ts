import { z } from 'zod';
import { zendeskOrganizationSchema, zendeskUserSchema } from './people.js';
import { zendeskTicketSchema } from './tickets.js';

/**
 * The Zendesk-compatible API's search, incremental exports and views (issue 18), named as
 * Zendesk's Support API reference names them (Search; Incremental Exports; Views).
 */

const query = z.string().max(2000).describe('Zendesk search syntax, e.g. "type:ticket status<solved tags:vip printer"');

export const searchQuery = z.object({
  query: query.optional(),
  sort_by: z.string().max(40).optional().describe('updated_at, created_at, priority, status or ticket_type'),
  sort_order: z.enum(['asc', 'desc']).optional(),
  include: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchCountQuery = z.object({ query: query.optional() });

export const searchExportQuery = z.object({
  query: query.optional(),
  'filter[type]': z.string().max(40).optional().describe('ticket (required by Zendesk)'),
  'page[size]': z.coerce.number().int().min(1).max(1000).optional(),
  'page[after]': z.string().max(500).optional(),
  include: z.string().max(200).optional(),
});

export const ticketResultSchema = zendeskTicketSchema.extend({ result_type: z.literal('ticket') });

export const searchResponse = z.object({
  results: z.array(ticketResultSchema),
  facets: z.null(),
  next_page: z.string().nullable(),
  previous_page: z.string().nullable(),
  count: z.number(),
});

export const searchCountResponse = z.object({ count: z.number() });

export const searchExportResponse = z.object({
  results: z.array(ticketResultSchema),
  facets: z.null(),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.string().nullable() }),
  links: z.object({ next: z.string().nullable(), prev: z.string().nullable() }),
});

export const incrementalQuery = z.object({
  start_time: z.string().max(20).optional().describe('Unix time in seconds'),
  cursor: z.string().max(500).optional().describe('after_cursor of the previous page (cursor-based exports)'),
  per_page: z.coerce.number().int().min(1).max(1000).optional(),
  include: z.string().max(200).optional(),
  exclude_deleted: z.string().max(10).optional(),
});
export type IncrementalQuery = z.infer<typeof incrementalQuery>;

const timeBased = { next_page: z.string().nullable(), count: z.number(), end_time: z.number().nullable(), end_of_stream: z.boolean() };
const cursorBased = {
  after_url: z.string().nullable(),
  after_cursor: z.string().nullable(),
  before_url: z.string().nullable(),
  before_cursor: z.string().nullable(),
  end_of_stream: z.boolean(),
};

export const incrementalTicketsResponse = z.object({ tickets: z.array(zendeskTicketSchema), ...timeBased });
export const incrementalTicketsCursorResponse = z.object({ tickets: z.array(zendeskTicketSchema), ...cursorBased });
export const incrementalUsersResponse = z.object({ users: z.array(zendeskUserSchema), ...timeBased });
export const incrementalOrganizationsResponse = z.object({ organizations: z.array(zendeskOrganizationSchema), ...timeBased });
export const incrementalUsersCursorResponse = z.object({ users: z.array(zendeskUserSchema), ...cursorBased });

const condition = z.object({ field: z.string(), operator: z.string(), value: z.union([z.string(), z.number(), z.null()]) });
const column = z.object({ id: z.string(), title: z.string() });

export const zendeskViewSchema = z.object({
  url: z.string(),
  id: z.number(),
  title: z.string(),
  raw_title: z.string(),
  active: z.boolean(),
  default: z.boolean(),
  position: z.number(),
  description: z.string().nullable(),
  execution: z.object({
    group_by: z.string().nullable(),
    group_order: z.string(),
    sort_by: z.string(),
    sort_order: z.string(),
    columns: z.array(column),
    fields: z.array(column),
    custom_fields: z.array(z.unknown()),
  }),
  conditions: z.object({ all: z.array(condition), any: z.array(condition) }),
  restriction: z.object({ type: z.string(), id: z.number() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ZendeskView = z.infer<typeof zendeskViewSchema>;

export const viewListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
  access: z.string().max(20).optional(),
  sort_by: z.string().max(40).optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
});

export type ViewListQuery = z.infer<typeof viewListQuery>;

export const viewIdParams = z.object({ id: z.string().max(20) });

export const viewTicketsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
  sort_by: z.string().max(40).optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
});

export type ViewTicketsQuery = z.infer<typeof viewTicketsQuery>;

export const countManyQuery = z.object({ ids: z.string().max(1000).optional() });

export const viewListResponse = z.object({
  views: z.array(zendeskViewSchema),
  next_page: z.string().nullable(),
  previous_page: z.string().nullable(),
  count: z.number(),
});
export const viewResponse = z.object({ view: zendeskViewSchema });
export const viewTicketsResponse = z.object({
  tickets: z.array(zendeskTicketSchema),
  next_page: z.string().nullable(),
  previous_page: z.string().nullable(),
  count: z.number(),
});

export const viewRowSchema = z
  .object({
    ticket_id: z.number(),
    ticket: z.object({
      id: z.number(),
      subject: z.string(),
      description: z.string(),
      status: z.string(),
      type: z.string().nullable(),
      priority: z.string().nullable(),
      url: z.string(),
    }),
    subject: z.string(),
    requester_id: z.number(),
    assignee_id: z.number().nullable(),
    group_id: z.number().nullable(),
    organization_id: z.number().nullable(),
    status: z.string(),
    priority: z.string().nullable(),
    created: z.string(),
    updated: z.string(),
  })
  .describe('One ticket of an executed view: the columns and the ticket');

export const viewExecuteResponse = z.object({
  rows: z.array(viewRowSchema),
  columns: z.array(column),
  view: z.object({ id: z.number(), url: z.string() }),
  groups: z.array(z.unknown()),
  count: z.number(),
  next_page: z.string().nullable(),
  previous_page: z.string().nullable(),
});

export const viewCountSchema = z.object({
  view_id: z.number(),
  url: z.string(),
  value: z.number().nullable(),
  pretty: z.string(),
  fresh: z.boolean(),
});
export const viewCountResponse = z.object({ view_count: viewCountSchema });
export const viewCountManyResponse = z.object({ view_counts: z.array(viewCountSchema) });
