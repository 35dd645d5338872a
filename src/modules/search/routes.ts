import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/pagination.js';
import { searchQuery, searchResponse } from './contract/search.js';
import { searchDocuments } from './service.js';

// Ranked results page by position: a relevance order has no column to seek on. Deeper than this
// is not a search anyone reads; narrow the query instead.
const MAX_OFFSET = 1000;
const CURSOR_TAG = 'search';

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const { sortValue, id } = decodeCursor(cursor, 'integer');
  if (id !== CURSOR_TAG || typeof sortValue !== 'number' || sortValue < 0 || sortValue > MAX_OFFSET) throw errors.invalidCursor();
  return sortValue;
}

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/search',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['search'],
        summary: 'Search tickets, messages, contacts, accounts, articles and collateral, best match first',
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (request) => {
      const { q, types, accountId, status, limit, cursor } = request.query;
      const offset = offsetOf(cursor);
      const result = await searchDocuments(app.db.kysely, { q, types, accountId, status, limit, offset });
      const next = offset + limit;
      return {
        items: result.items,
        counts: result.counts,
        countsExact: result.countsExact,
        total: result.total,
        totalExact: result.totalExact,
        nextCursor: result.hasMore && next <= MAX_OFFSET ? encodeCursor(next, CURSOR_TAG) : null,
      };
    },
  );
};
