import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { ticketTimeBody, timeEntrySchema } from '../../team/contract/time-entries.js';
import { ticketTimeSchema } from '../contract/ticket-time.js';
import { logTime, ticketTime } from '../../team/index.js';
import { getTicket } from './ticket-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['time'];

/** Time tracking on a ticket: the ticket must exist (and be readable); the entry is the team module's. */
export const ticketTimeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.post(
    '/api/tickets/:id/time',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Log time on a ticket (manual entry and the timer both post here)',
        params: idParams,
        body: ticketTimeBody,
        response: { 201: timeEntrySchema },
      },
    },
    async (request, reply) => {
      const ticket = await getTicket(db(), request.params.id);
      const entry = await logTime(db(), changeContext(request), {
        memberId: actorOf(request).memberId,
        ticketId: ticket.id,
        accountId: ticket.account.id,
        minutes: request.body.minutes,
        category: request.body.category,
        note: request.body.note,
        startedAt: request.body.startedAt,
      });
      return reply.status(201).send(entry);
    },
  );

  app.get(
    '/api/tickets/:id/time',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Time logged on a ticket, with totals', params: idParams, response: { 200: ticketTimeSchema } },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return ticketTime(db(), request.params.id);
    },
  );
};
