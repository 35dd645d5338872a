import { z } from 'zod';
import { SEARCH_TYPES } from './kinds.js';

export { SEARCH_TYPES, type SearchType } from './kinds.js';

/**
 * The ticket statuses the status filter accepts: search's own list, so that its contract needs
 * nothing from the support module above it. Support checks at compile time that it is exactly its
 * TICKET_STATUSES (src/modules/support/tickets/ticket-search-documents.ts).
 */
export const SEARCH_TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type SearchTicketStatus = (typeof SEARCH_TICKET_STATUSES)[number];

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'Type something to search for').max(200, 'Search for at most 200 characters'),
  types: z
    .string()
    .max(200)
    .optional()
    .describe(`Comma-separated: ${SEARCH_TYPES.join(',')} (all when left out)`)
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.enum(SEARCH_TYPES, { error: `Types are ${SEARCH_TYPES.join(', ')}` }))),
  accountId: z.string().max(64).optional(),
  status: z.enum(SEARCH_TICKET_STATUSES).optional().describe('Only tickets, and messages on tickets, in this status'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(100).optional().describe('Opaque cursor from the previous page’s nextCursor'),
});

export const searchResultSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  titleHtml: z.string().describe('The title, HTML-escaped, matched words in <mark>'),
  snippet: z.string().describe('An excerpt, HTML-escaped, matched words in <mark>'),
  score: z.number().describe('Relevance; higher is better (comparable within one response only)'),
  ticketId: z.string().nullable().describe('The ticket a ticket or message result opens'),
  accountId: z.string().nullable(),
  status: z.string().nullable().describe('An article’s status (draft, published, archived) or a collateral item’s (current, archived)'),
  visibility: z.enum(['public', 'internal']),
  updatedAt: z.string(),
});

export const searchResponse = z.object({
  items: z.array(searchResultSchema),
  counts: z
    .object(Object.fromEntries(SEARCH_TYPES.map((t) => [t, z.number()])) as Record<(typeof SEARCH_TYPES)[number], z.ZodNumber>)
    .describe('Matches per type, for facet chips'),
  countsExact: z
    .object(Object.fromEntries(SEARCH_TYPES.map((t) => [t, z.boolean()])) as Record<(typeof SEARCH_TYPES)[number], z.ZodBoolean>)
    .describe('Per type: false when the count stopped at the cap and means "at least" (show it as 1000+)'),
  total: z.number().describe('Matches of the requested types (a lower bound when totalExact is false)'),
  totalExact: z.boolean().describe('False when total means "at least total" (show it as 1000+)'),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
export type SearchResult = z.infer<typeof searchResultSchema>;
