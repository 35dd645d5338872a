import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../../kernel/errors.js';
import { countTicketsWhere, ticketCeiling, ticketIdsAfterNumber, ticketIdsWhere } from '../../../support/index.js';
import {
  searchCountQuery,
  searchCountResponse,
  searchExportQuery,
  searchExportResponse,
  searchQuery,
  searchResponse,
} from '../../contract/search.js';
import { cursorEnvelope, decodeCursor, encodeCursor } from '../http/pagination.js';
import { thisUrlWith } from '../http/urls.js';
import { presentTickets } from '../tickets/present-tickets.js';
import { FULL_TEXT_LIMIT, sortParameter, ticketSearch, type TicketSearch } from './search-criteria.js';
import { parseSearchQuery } from './search-query.js';

/** Zendesk returns at most 1,000 results of one search, 100 a page by default. */
const RESULT_LIMIT = 1000;
const SEARCH_PAGE = 100;
const tags = ['zendesk: search'];

/** The query parsed and resolved; only tickets are searched here (users: /users/search, organizations: /organizations/search). */
async function resolveSearch(request: FastifyRequest, text: string | undefined): Promise<TicketSearch> {
  if (!text?.trim()) throw errors.searchEmpty();
  const parsed = parseSearchQuery(text);
  if (parsed.type !== null && parsed.type !== 'ticket')
    throw errors.searchBadValue(
      'type',
      parsed.type,
      'ticket (users and organizations are searched at /api/v2/users/search and /api/v2/organizations/search)',
    );
  return ticketSearch(request.server.db.kysely, parsed, { memberId: request.actor!.memberId }, new Date());
}

const exportCursor = z.number().int().min(0);

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/search',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Tickets matching a Zendesk search query', querystring: searchQuery, response: { 200: searchResponse } },
    },
    async (request) => {
      const search = await resolveSearch(request, request.query.query);
      const perPage = request.query.per_page ?? SEARCH_PAGE;
      const page = request.query.page ?? 1;
      const offset = (page - 1) * perPage;
      if (offset >= RESULT_LIMIT) throw errors.searchResultLimit();
      const limit = Math.min(perPage, RESULT_LIMIT - offset);
      const sortBy = sortParameter(request.query.sort_by) ?? search.sortBy;
      const order = request.query.sort_order ?? search.sortOrder ?? 'desc';
      // The count first: how dense the match is decides how the page is best read (ticketIdsWhere).
      const [count, ceiling] = await Promise.all([countTicketsWhere(db(), search.criteria), ticketCeiling(db())]);
      const ids =
        sortBy === null && search.criteria.ticketIds
          ? await byRelevance(search, offset, limit)
          : await ticketIdsWhere(
              db(),
              search.criteria,
              { sortBy: sortBy ?? 'updated_at', order },
              { offset, limit },
              { matching: count, ceiling },
            );
      const results = (await presentTickets(db(), request, ids)).map((t) => ({ ...t, result_type: 'ticket' as const }));
      const reachable = Math.min(count, RESULT_LIMIT);
      return {
        results,
        facets: null,
        next_page: offset + results.length < reachable ? thisUrlWith(request, { page: page + 1, per_page: perPage }) : null,
        previous_page: page > 1 ? thisUrlWith(request, { page: page - 1, per_page: perPage }) : null,
        count,
      };

      /** Free text with no sort: the full-text index's ranking, among the tickets the other keywords keep. */
      async function byRelevance(s: TicketSearch, from: number, size: number): Promise<string[]> {
        const kept = new Set(
          await ticketIdsWhere(db(), s.criteria, { sortBy: 'number', order: 'desc' }, { offset: 0, limit: FULL_TEXT_LIMIT }),
        );
        return s.criteria.ticketIds!.filter((id) => kept.has(id)).slice(from, from + size);
      }
    },
  );

  app.get(
    '/search/count',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'How many tickets match a search query',
        querystring: searchCountQuery,
        response: { 200: searchCountResponse },
      },
    },
    async (request) => {
      const search = await resolveSearch(request, request.query.query);
      return { count: await countTicketsWhere(db(), search.criteria) };
    },
  );

  app.get(
    '/search/export',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Every ticket matching a search query, by cursor (no 1,000-result limit)',
        querystring: searchExportQuery,
        response: { 200: searchExportResponse },
      },
    },
    async (request) => {
      const type = request.query['filter[type]'];
      if (!type) throw errors.searchExportNeedsType();
      if (type !== 'ticket') throw errors.searchBadValue('filter[type]', type, 'ticket');
      const search = await resolveSearch(request, request.query.query);
      const size = request.query['page[size]'] ?? SEARCH_PAGE;
      const after = request.query['page[after]'] ? decodeCursor(request.query['page[after]'], exportCursor) : null;
      const rows = await ticketIdsAfterNumber(db(), search.criteria, after, size + 1);
      const page = rows.slice(0, size);
      const results = (
        await presentTickets(
          db(),
          request,
          page.map((r) => r.id),
        )
      ).map((t) => ({ ...t, result_type: 'ticket' as const }));
      const last = page[page.length - 1];
      const hasMore = rows.length > size;
      return {
        ...cursorEnvelope(request, 'results', results, { hasMore, after: last ? encodeCursor(last.number) : null, before: null }),
        facets: null,
      } as z.infer<typeof searchExportResponse>;
    },
  );
};
