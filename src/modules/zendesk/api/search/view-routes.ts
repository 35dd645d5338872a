import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../../../kernel/errors.js';
import { countTicketsWhere, findView, listViews, ticketIdsWhere, type TicketView } from '../../../support/index.js';
import {
  countManyQuery,
  viewCountManyResponse,
  viewCountResponse,
  viewExecuteResponse,
  viewIdParams,
  viewListQuery,
  viewListResponse,
  viewResponse,
  viewTicketsQuery,
  viewTicketsResponse,
  type ViewListQuery,
  type ViewTicketsQuery,
} from '../../contract/search.js';
import { offsetEnvelope, offsetPage } from '../http/pagination.js';
import { apiUrl } from '../http/urls.js';
import { outpostIdOf, outpostIds, numericIds } from '../numeric-ids.js';
import { presentTickets } from '../tickets/present-tickets.js';
import { presentViews, VIEW_COLUMNS, viewCriteria } from './present-views.js';
import { sortParameter } from './search-criteria.js';

const tags = ['zendesk: views'];
/** Zendesk's count_many takes up to 20 views. */
const COUNT_MANY_LIMIT = 20;

/** The view behind a Zendesk view id, if the caller may see it (a personal view only by its owner). */
async function viewOf(request: FastifyRequest, rawId: string): Promise<TicketView> {
  const n = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  const id = n === null ? null : await outpostIdOf(request.server.db.kysely, 'view', n);
  if (!id) throw errors.viewNotFound();
  return findView(request.server.db.kysely, id, request.actor!.memberId);
}

/** A view's ticket count, in Zendesk's view_count shape. */
async function viewCount(request: FastifyRequest, view: TicketView, numericId: number) {
  const value = await countTicketsWhere(request.server.db.kysely, viewCriteria(view, request.actor!.memberId, new Date()));
  return { view_id: numericId, url: apiUrl(request, `/api/v2/views/${numericId}/count`), value, pretty: String(value), fresh: true };
}

export const viewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const config = { access: 'tickets.read' as const };

  /** Shared views and the caller's own, in queue order; every Outpost view is active. */
  const listHandler = async (request: FastifyRequest, query: ViewListQuery) => {
    const views = await listViews(db(), request.actor!.memberId);
    const page = offsetPage(query);
    const slice = views.slice(page.offset, page.offset + page.perPage);
    const { next_page, previous_page, count } = offsetEnvelope(request, 'views', slice, page, views.length);
    return { views: await presentViews(db(), request, slice), next_page, previous_page, count };
  };
  const listSchema = { tags, querystring: viewListQuery, response: { 200: viewListResponse } };
  app.get('/views', { config, schema: { ...listSchema, summary: 'The views the caller may use' } }, (request) =>
    listHandler(request, request.query),
  );
  app.get('/views/active', { config, schema: { ...listSchema, summary: 'The active views (all of them)' } }, (request) =>
    listHandler(request, request.query),
  );

  app.get(
    '/views/count_many',
    {
      config,
      schema: { tags, summary: 'Ticket counts of several views', querystring: countManyQuery, response: { 200: viewCountManyResponse } },
    },
    async (request) => {
      const raw = (request.query.ids ?? '').split(',').map((s) => s.trim());
      if (!raw.length || raw.length > COUNT_MANY_LIMIT || raw.some((s) => !/^\d{1,15}$/.test(s))) throw errors.viewIdsInvalid();
      const found = await outpostIds(db(), 'view', raw.map(Number));
      const counts = [];
      for (const n of new Set(raw.map(Number))) {
        const id = found.get(n);
        const view = id ? await findView(db(), id, request.actor!.memberId).catch(() => null) : null;
        // Zendesk leaves out ids the caller cannot see.
        if (view) counts.push(await viewCount(request, view, n));
      }
      return { view_counts: counts };
    },
  );

  app.get(
    '/views/:id',
    { config, schema: { tags, summary: 'One view', params: viewIdParams, response: { 200: viewResponse } } },
    async (request) => {
      const [view] = await presentViews(db(), request, [await viewOf(request, request.params.id)]);
      return { view: view! };
    },
  );

  app.get(
    '/views/:id/count',
    { config, schema: { tags, summary: 'How many tickets a view shows', params: viewIdParams, response: { 200: viewCountResponse } } },
    async (request) => {
      const view = await viewOf(request, request.params.id);
      return { view_count: await viewCount(request, view, Number(request.params.id)) };
    },
  );

  /** A page of a view's tickets in its queue order (nearest SLA due first) unless sort_by says otherwise. */
  async function viewPage(request: FastifyRequest, id: string, query: ViewTicketsQuery) {
    const view = await viewOf(request, id);
    const criteria = viewCriteria(view, request.actor!.memberId, new Date());
    const page = offsetPage(query);
    const sortBy = sortParameter(query.sort_by);
    const order = sortBy ? { sortBy, order: query.sort_order ?? 'desc' } : { sortBy: 'sla_due' as const, order: query.sort_order ?? 'asc' };
    const [count, ids] = await Promise.all([
      countTicketsWhere(db(), criteria),
      ticketIdsWhere(db(), criteria, order, { offset: page.offset, limit: page.perPage }),
    ]);
    return { view, page, count, tickets: await presentTickets(db(), request, ids) };
  }

  app.get(
    '/views/:id/tickets',
    {
      config,
      schema: {
        tags,
        summary: 'The tickets of a view',
        params: viewIdParams,
        querystring: viewTicketsQuery,
        response: { 200: viewTicketsResponse },
      },
    },
    async (request) => {
      const { page, count, tickets } = await viewPage(request, request.params.id, request.query);
      const { next_page, previous_page } = offsetEnvelope(request, 'tickets', tickets, page, count);
      return { tickets, next_page, previous_page, count };
    },
  );

  app.get(
    '/views/:id/execute',
    {
      config,
      schema: {
        tags,
        summary: 'A view run: its rows and columns',
        params: viewIdParams,
        querystring: viewTicketsQuery,
        response: { 200: viewExecuteResponse },
      },
    },
    async (request) => {
      const { view, page, count, tickets } = await viewPage(request, request.params.id, request.query);
      const numericId = (await numericIds(db(), 'view', [view.id])).get(view.id)!;
      const rows = tickets.map((t) => ({
        ticket_id: t.id,
        ticket: {
          id: t.id,
          subject: t.subject,
          description: t.description,
          status: t.status,
          type: t.type,
          priority: t.priority,
          url: t.url,
        },
        subject: t.subject,
        requester_id: t.requester_id,
        assignee_id: t.assignee_id,
        group_id: t.group_id,
        organization_id: t.organization_id,
        status: t.status,
        priority: t.priority,
        created: t.created_at,
        updated: t.updated_at,
      }));
      const { next_page, previous_page } = offsetEnvelope(request, 'rows', rows, page, count);
      return {
        rows,
        count,
        next_page,
        previous_page,
        columns: VIEW_COLUMNS,
        view: { id: numericId, url: apiUrl(request, `/api/v2/views/${numericId}`) },
        groups: [],
      };
    },
  );
};
