import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../../kernel/errors.js';
import { changeContext } from '../../../../kernel/request-context.js';
import { apiAccountCount, apiAccountPage, type ApiAccountFilter } from '../../../accounts/index.js';
import {
  autocompleteQuery,
  createOrganizationBody,
  numericIdParams,
  organizationEnvelope,
  organizationList,
  organizationSearchQuery,
  showManyQuery,
  updateOrganizationBody,
  userList,
} from '../../contract/people.js';
import {
  cursorEnvelope,
  cursorSize,
  decodeCursor,
  encodeCursor,
  isCursorPaging,
  offsetEnvelope,
  offsetPage,
  pagingQuery,
  pagingQuerySchema,
  type PagingQuery,
} from '../http/pagination.js';
import { outpostIds } from '../numeric-ids.js';
import { outpostIdByExternalId } from '../external-ids.js';
import { accountIdOfOrganization, createOrganization, updateOrganization } from './organization-service.js';
import { presentOrganizations } from './present-people.js';
import { userListAnswer } from './user-list.js';
import { listTickets, ticketListQuery } from '../tickets/ticket-list.js';
import { ticketListEnvelope } from '../../contract/tickets.js';

const tags = ['zendesk: organizations'];
const cursorKey = z.object({ t: z.string().max(40), i: z.string().max(64) });
const AUTOCOMPLETE_LIMIT = 100;

/**
 * /api/v2/organizations (Support API reference → Organizations): accounts, read with
 * accounts.read and written with accounts.write. Lists run in (created_at, id) order.
 */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const one = async (request: FastifyRequest, accountId: string) => ({
    organization: (await presentOrganizations(db(), request, [accountId]))[0]!,
  });

  async function listAnswer(request: FastifyRequest, filter: ApiAccountFilter, paging: PagingQuery) {
    if (paging['page[before]'] !== undefined)
      throw errors.validation('page[before]: this list pages forward only; follow links.next', {
        location: 'querystring',
        field: 'page[before]',
      });
    if (isCursorPaging(paging)) {
      const size = cursorSize(paging);
      const key = paging['page[after]'] ? decodeCursor(paging['page[after]'], cursorKey) : null;
      const rows = await apiAccountPage(db(), filter, { after: key ? { createdAt: key.t, id: key.i } : undefined, limit: size + 1 });
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      const organizations = await presentOrganizations(
        db(),
        request,
        page.map((r) => r.id),
      );
      return cursorEnvelope(request, 'organizations', organizations, {
        hasMore: rows.length > size,
        after: last ? encodeCursor({ t: last.createdAt, i: last.id }) : null,
        before: null,
      });
    }
    const at = offsetPage(paging);
    const [rows, count] = await Promise.all([
      apiAccountPage(db(), filter, { offset: at.offset, limit: at.perPage }),
      apiAccountCount(db(), filter),
    ]);
    const organizations = await presentOrganizations(
      db(),
      request,
      rows.map((r) => r.id),
    );
    return offsetEnvelope(request, 'organizations', organizations, at, count);
  }

  app.get(
    '/organizations',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'List organizations (accounts)', querystring: pagingQuerySchema, response: { 200: organizationList } },
    },
    async (request) => listAnswer(request, {}, request.query),
  );

  app.get(
    '/organizations/show_many',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'Organizations by id (at most 100)', querystring: showManyQuery, response: { 200: organizationList } },
    },
    async (request) => {
      const ids = await outpostIds(db(), 'organization', request.query.ids);
      const organizations = await presentOrganizations(
        db(),
        request,
        request.query.ids.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : [])),
      );
      return { organizations, next_page: null, previous_page: null, count: organizations.length };
    },
  );

  app.get(
    '/organizations/search',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Organizations with this exact name or external_id',
        querystring: organizationSearchQuery.extend(pagingQuery),
        response: { 200: organizationList },
      },
    },
    async (request) => {
      const { name, external_id } = request.query;
      if (external_id !== undefined) {
        const id = await outpostIdByExternalId(db(), 'organization', external_id);
        const organizations = await presentOrganizations(db(), request, id ? [id] : []);
        return { organizations, next_page: null, previous_page: null, count: organizations.length };
      }
      if (name === undefined)
        throw errors.validation('name: give name or external_id to search by', { location: 'querystring', field: 'name' });
      return listAnswer(request, { name }, request.query);
    },
  );

  app.get(
    '/organizations/autocomplete',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Organizations whose name starts with the given text',
        querystring: autocompleteQuery,
        response: { 200: organizationList },
      },
    },
    async (request) => {
      const rows = await apiAccountPage(db(), { namePrefix: request.query.name }, { limit: AUTOCOMPLETE_LIMIT });
      const organizations = await presentOrganizations(
        db(),
        request,
        rows.map((r) => r.id),
      );
      return { organizations, next_page: null, previous_page: null, count: organizations.length };
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One organization', params: numericIdParams, response: { 200: organizationEnvelope } },
    },
    async (request) => one(request, await accountIdOfOrganization(db(), request.params.id)),
  );

  app.get(
    '/organizations/:id/users',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The organization’s end-users (the account’s contacts)',
        params: numericIdParams,
        querystring: pagingQuerySchema,
        response: { 200: userList },
      },
    },
    async (request) => {
      const accountId = await accountIdOfOrganization(db(), request.params.id);
      return userListAnswer(db(), request, { roles: ['end-user'], accountId }, request.query);
    },
  );

  app.get(
    '/organizations/:id/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The organization’s tickets (Tickets → List Tickets, by organization)',
        params: numericIdParams,
        querystring: ticketListQuery,
        response: { 200: ticketListEnvelope },
      },
    },
    async (request) => listTickets(db(), request, request.query, { accountId: await accountIdOfOrganization(db(), request.params.id) }),
  );

  app.post(
    '/organizations',
    {
      config: { access: 'accounts.write' },
      schema: {
        tags,
        summary: 'Create an organization (an account)',
        body: createOrganizationBody,
        response: { 201: organizationEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = await createOrganization(db(), changeContext(request), request.body.organization);
      return reply.status(201).send(await one(request, accountId));
    },
  );

  app.put(
    '/organizations/:id',
    {
      config: { access: 'accounts.write' },
      schema: {
        tags,
        summary: 'Update an organization',
        params: numericIdParams,
        body: updateOrganizationBody,
        response: { 200: organizationEnvelope },
      },
    },
    async (request) => {
      const accountId = await accountIdOfOrganization(db(), request.params.id);
      await updateOrganization(db(), changeContext(request), accountId, request.body.organization);
      return one(request, accountId);
    },
  );
};
