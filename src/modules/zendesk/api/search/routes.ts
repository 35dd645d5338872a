import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { incrementalRoutes } from './incremental-routes.js';
import { searchRoutes as searchQueryRoutes } from './search-routes.js';
import { viewRoutes } from './view-routes.js';

/**
 * /api/v2: search, incremental exports and views (paths relative to the /api/v2 prefix).
 *
 * How it maps onto Outpost:
 * - `GET /search`, `/search/count`, `/search/export?filter[type]=ticket`: Zendesk's query language
 *   (search-query.ts) becomes support's ticket criteria (search-criteria.ts → support's
 *   compat/ticket-query.ts): status/priority/ticket_type/tags/requester/assignee/organization/
 *   group/created/updated/solved are indexed column conditions; free words go through the search
 *   module's full-text index (subject and every message) and narrow by ticket id. Tickets only:
 *   users and organizations are searched at /users/search and /organizations/search. At most
 *   1,000 results by page (422 past it, as Zendesk); the export pages by ticket number.
 * - `GET /incremental/tickets[/cursor]`, `/incremental/users[/cursor]`, `/incremental/organizations`:
 *   keyset reads over (updated_at, id) of tickets, of members (agents) merged with contacts (end
 *   users), and of accounts, on the *_updated indexes of migration 0041 (incremental-pages.ts says
 *   how pages end). `start_time` < 0 or in the future is a 400, as in Zendesk; unlike Zendesk,
 *   changes of the last minute are not held back. `include=` is accepted and ignored.
 * - `GET /views[/active]`, `/views/:id`, `/views/:id/tickets`, `/views/:id/execute`,
 *   `/views/:id/count`, `/views/count_many`: support's ticket views (shared ones and the caller's
 *   own), their tickets in queue order (nearest SLA due first), counted with the queue's conditions.
 * Every route reads tickets (`tickets.read`), users (`members.read`) or organizations (`accounts.read`); answers are presented by the
 * tickets and people areas' presenters, so a ticket or user looks the same on every endpoint.
 */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(searchQueryRoutes);
  await app.register(incrementalRoutes);
  await app.register(viewRoutes);
};
