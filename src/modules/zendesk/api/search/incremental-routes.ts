import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../../../kernel/request-context.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { accountChanges, contactChanges } from '../../../accounts/index.js';
import { ticketChanges } from '../../../support/index.js';
import { memberChanges } from '../../../team/index.js';
import {
  incrementalOrganizationsResponse,
  incrementalQuery,
  incrementalTicketsCursorResponse,
  incrementalTicketsResponse,
  incrementalUsersCursorResponse,
  incrementalUsersResponse,
  type IncrementalQuery,
} from '../../contract/search.js';
import { thisUrlWith } from '../http/urls.js';
import { presentOrganizations, presentUsers, type UserRef } from '../people/present-people.js';
import { presentTickets } from '../tickets/present-tickets.js';
import {
  cursorPage,
  decodeExportCursor,
  mergeChanges,
  parseStartTime,
  timeBasedPage,
  type ChangeFetch,
  type ChangeRow,
} from './incremental-pages.js';

/** Zendesk's page size for incremental exports (and its maximum). */
const EXPORT_PAGE = 1000;
const tags = ['zendesk: incremental exports'];

type UserChange = ChangeRow & { type: UserRef['type'] };

/**
 * Users are members (agents) and contacts (end users): both lists read to the limit, then merged.
 * Contacts are customer data: a caller without accounts.read gets the agents only.
 */
function userChanges(db: Kysely<Database>, withContacts: boolean): ChangeFetch<UserChange> {
  return async (window) => {
    const [members, contacts] = await Promise.all([memberChanges(db, window), withContacts ? contactChanges(db, window) : []]);
    return mergeChanges<UserChange>(
      members.map((m) => ({ ...m, type: 'member' as const })),
      contacts.map((c) => ({ ...c, type: 'contact' as const })),
      window.limit,
    );
  };
}

/** Where a cursor-based export starts: its cursor, or else start_time. */
function cursorPosition(query: IncrementalQuery, now: Date) {
  if (query.cursor !== undefined) return decodeExportCursor(query.cursor);
  return { from: new Date(parseStartTime(query.start_time, now) * 1000).toISOString(), after: null };
}

function cursorEnvelope(request: FastifyRequest, page: { afterCursor: string; endOfStream: boolean }) {
  return {
    after_url: thisUrlWith(request, { cursor: page.afterCursor, start_time: null }),
    after_cursor: page.afterCursor,
    before_url: null,
    before_cursor: null,
    end_of_stream: page.endOfStream,
  };
}

function timeEnvelope(request: FastifyRequest, page: { endTime: number; endOfStream: boolean }, count: number) {
  return { next_page: thisUrlWith(request, { start_time: page.endTime }), count, end_time: page.endTime, end_of_stream: page.endOfStream };
}

export const incrementalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const tickets = (): ChangeFetch => (window) => ticketChanges(db(), window);

  app.get(
    '/incremental/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Tickets changed since start_time (time-based incremental export)',
        querystring: incrementalQuery,
        response: { 200: incrementalTicketsResponse },
      },
    },
    async (request) => {
      const startTime = parseStartTime(request.query.start_time, new Date());
      const page = await timeBasedPage(tickets(), startTime, request.query.per_page ?? EXPORT_PAGE);
      const presented = await presentTickets(
        db(),
        request,
        page.rows.map((r) => r.id),
      );
      return { tickets: presented, ...timeEnvelope(request, page, presented.length) };
    },
  );

  app.get(
    '/incremental/tickets/cursor',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Tickets changed since start_time or a cursor (cursor-based incremental export)',
        querystring: incrementalQuery,
        response: { 200: incrementalTicketsCursorResponse },
      },
    },
    async (request) => {
      const page = await cursorPage(tickets(), cursorPosition(request.query, new Date()), request.query.per_page ?? EXPORT_PAGE);
      const presented = await presentTickets(
        db(),
        request,
        page.rows.map((r) => r.id),
      );
      return { tickets: presented, ...cursorEnvelope(request, page) };
    },
  );

  app.get(
    '/incremental/users',
    {
      config: { access: 'members.read' },
      schema: {
        tags,
        summary: 'Users (members and contacts) changed since start_time (time-based)',
        querystring: incrementalQuery,
        response: { 200: incrementalUsersResponse },
      },
    },
    async (request) => {
      const startTime = parseStartTime(request.query.start_time, new Date());
      const page = await timeBasedPage(
        userChanges(db(), actorOf(request).permissions.has('accounts.read')),
        startTime,
        request.query.per_page ?? EXPORT_PAGE,
      );
      const users = await presentUsers(db(), request, page.rows.map(refOf));
      return { users, ...timeEnvelope(request, page, users.length) };
    },
  );

  app.get(
    '/incremental/users/cursor',
    {
      config: { access: 'members.read' },
      schema: {
        tags,
        summary: 'Users changed since start_time or a cursor (cursor-based)',
        querystring: incrementalQuery,
        response: { 200: incrementalUsersCursorResponse },
      },
    },
    async (request) => {
      const position = cursorPosition(request.query, new Date());
      const page = await cursorPage(
        userChanges(db(), actorOf(request).permissions.has('accounts.read')),
        position,
        request.query.per_page ?? EXPORT_PAGE,
      );
      const users = await presentUsers(db(), request, page.rows.map(refOf));
      return { users, ...cursorEnvelope(request, page) };
    },
  );

  app.get(
    '/incremental/organizations',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Organizations (accounts) changed since start_time (time-based)',
        querystring: incrementalQuery,
        response: { 200: incrementalOrganizationsResponse },
      },
    },
    async (request) => {
      const startTime = parseStartTime(request.query.start_time, new Date());
      const page = await timeBasedPage((window) => accountChanges(db(), window), startTime, request.query.per_page ?? EXPORT_PAGE);
      const organizations = await presentOrganizations(
        db(),
        request,
        page.rows.map((r) => r.id),
      );
      return { organizations, ...timeEnvelope(request, page, organizations.length) };
    },
  );
};

function refOf(row: UserChange): UserRef {
  return { type: row.type, id: row.id };
}
