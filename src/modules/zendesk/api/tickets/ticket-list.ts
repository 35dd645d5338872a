import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { ticketCursorPage, ticketOffsetPage, type SortOrder, type TicketListFilter, type TicketSortKey } from '../../../support/index.js';
import { ZENDESK_SORT_KEYS } from '../../contract/tickets.js';
import {
  cursorEnvelope,
  cursorSize,
  decodeCursor,
  encodeCursor,
  isCursorPaging,
  offsetEnvelope,
  offsetPage,
  pagingQuery,
} from '../http/pagination.js';
import { presentTickets } from './present-tickets.js';
import { outpostIdByExternalId } from '../external-ids.js';

/**
 * GET /tickets (Support API reference → Tickets → List Tickets). Offset paging takes `sort_by`
 * and `sort_order` (default id ascending); cursor paging takes `sort` (`id`, `-updated_at`…, a
 * leading minus for descending). Cursors carry the last ticket's sort value and number plus the
 * order they belong to, so a cursor reused with another order is refused rather than skipping rows.
 */
const sortValue = z.enum(ZENDESK_SORT_KEYS);
export const ticketListQuery = z.object({
  ...pagingQuery,
  sort_by: sortValue.optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
  external_id: z.string().max(255).optional().describe('Only the ticket with this external id'),
  sort: z
    .string()
    .regex(/^-?(id|created_at|updated_at|status|priority)$/, 'sort: id, created_at, updated_at, status or priority, with - for descending')
    .optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

const cursorKey = z.tuple([z.union([z.string().max(40), z.number()]), z.number().int().positive(), z.string().max(30)]);

function orderOf(query: TicketListQuery): { sort: TicketSortKey; order: SortOrder } {
  if (query.sort) {
    const descending = query.sort.startsWith('-');
    return { sort: query.sort.replace(/^-/, '') as TicketSortKey, order: descending ? 'desc' : 'asc' };
  }
  return { sort: query.sort_by ?? 'id', order: query.sort_order ?? 'asc' };
}

export async function listTickets(db: Kysely<Database>, request: FastifyRequest, query: TicketListQuery, filter: TicketListFilter = {}) {
  // A top-level lookup (Tickets → List Tickets, `external_id`); nested lists keep their own filter.
  if (query.external_id !== undefined && !Object.keys(filter).length) return byExternalId(db, request, query, query.external_id);
  const { sort, order } = orderOf(query);
  if (isCursorPaging(query)) {
    const orderName = `${sort}:${order}`;
    const position = (cursor: string | undefined, field: 'page[after]' | 'page[before]') => {
      if (!cursor) return null;
      const [value, number, belongsTo] = decodeCursor(cursor, cursorKey);
      if (belongsTo !== orderName)
        throw errors.validation(`${field}: this cursor belongs to a list in another order`, { location: 'querystring', field });
      return { sortValue: value, number };
    };
    const after = position(query['page[after]'], 'page[after]');
    const before = after ? null : position(query['page[before]'], 'page[before]');
    const page = await ticketCursorPage(db, { sort, order, limit: cursorSize(query), after, before, filter });
    const cursorOf = (t: { sortValue: string | number; number: number }) => encodeCursor([t.sortValue, t.number, orderName]);
    const first = page.tickets[0];
    const last = page.tickets.at(-1);
    const tickets = await presentTickets(
      db,
      request,
      page.tickets.map((t) => t.id),
    );
    return cursorEnvelope(request, 'tickets', tickets, {
      // Walking back, the page before this one always has tickets after it: the ones we came from.
      hasMore: before ? true : page.hasMore,
      after: last ? cursorOf(last) : null,
      before: first && (after || (before && page.hasMore)) ? cursorOf(first) : null,
    });
  }
  const at = offsetPage(query);
  const page = await ticketOffsetPage(db, { sort, order, offset: at.offset, limit: at.perPage, filter });
  const tickets = await presentTickets(
    db,
    request,
    page.tickets.map((t) => t.id),
  );
  return offsetEnvelope(request, 'tickets', tickets, at, page.count);
}

/** `GET /tickets?external_id=…`: the one ticket carrying it (or none), in the list's envelope. */
async function byExternalId(db: Kysely<Database>, request: FastifyRequest, query: TicketListQuery, externalId: string) {
  const id = await outpostIdByExternalId(db, 'ticket', externalId);
  const tickets = id ? await presentTickets(db, request, [id]) : [];
  return offsetEnvelope(request, 'tickets', tickets, offsetPage(query), tickets.length);
}
