import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../../kernel/errors.js';
import { ticketRecords } from '../../../support/index.js';
import { idsQuery, ticketEnvelope, ticketIdParams, ticketListEnvelope } from '../../contract/tickets.js';
import { numbersOf } from './ids-query.js';
import { outpostIdOf } from '../numeric-ids.js';
import { presentTicketRecords } from './present-tickets.js';
import { presentOne, ticketByNumber } from './ticket-lookup.js';
import { listTickets, ticketListQuery } from './ticket-list.js';

const tags = ['zendesk: tickets'];

const userParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * GET /tickets, /tickets/show_many, /tickets/:id and a user's requested and assigned tickets
 * (Support API reference → Tickets; node-zendesk's listByUserRequested / listAssigned).
 */
export const ticketReadRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'List tickets (offset or cursor paging)',
        querystring: ticketListQuery,
        response: { 200: ticketListEnvelope },
      },
    },
    async (request) => listTickets(db(), request, request.query),
  );

  app.get(
    '/tickets/show_many',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Show many tickets by id (?ids=1,2,3)', querystring: idsQuery, response: { 200: ticketListEnvelope } },
    },
    async (request) => {
      const records = await ticketRecords(db(), { numbers: numbersOf(request.query.ids) });
      return { tickets: await presentTicketRecords(db(), request, records), next_page: null, previous_page: null, count: records.length };
    },
  );

  app.get(
    '/tickets/:id',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Show a ticket', params: ticketIdParams, response: { 200: ticketEnvelope } },
    },
    async (request) => ({ ticket: await presentOne(db(), request, await ticketByNumber(db(), request.params.id)) }),
  );

  app.get(
    '/users/:id/tickets/requested',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Tickets an end user requested',
        params: userParams,
        querystring: ticketListQuery,
        response: { 200: ticketListEnvelope },
      },
    },
    async (request) => {
      const requesterId = await outpostIdOf(db(), 'user', request.params.id);
      if (!requesterId) throw errors.zendeskUserNotFound();
      return listTickets(db(), request, request.query, { requesterId });
    },
  );

  app.get(
    '/users/:id/tickets/assigned',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Tickets assigned to an agent',
        params: userParams,
        querystring: ticketListQuery,
        response: { 200: ticketListEnvelope },
      },
    },
    async (request) => {
      const assigneeId = await outpostIdOf(db(), 'user', request.params.id);
      if (!assigneeId) throw errors.zendeskUserNotFound();
      return listTickets(db(), request, request.query, { assigneeId });
    },
  );
};
