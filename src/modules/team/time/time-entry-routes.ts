import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf, changeContext } from '../../identity/sessions/auth-plugin.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { getTicket } from '../../support/tickets/ticket-service.js';
import './time-entry-draft-section';
import { categoryTotalsSchema, ticketTimeBody, timeEntryListQuery, timeEntrySchema } from '../contract/time-entries.js';
import { deleteTimeEntry, listMemberTime, logTime, ticketTime } from './time-entry-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['time'];
const totals = { totalMinutes: z.number(), byCategory: categoryTotalsSchema.describe('Minutes per category') };
/** Who may see and remove anyone's time: the same people who manage members. */
const ADMIN_PERMISSION = 'members.manage';

export const timeEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.post(
    '/api/tickets/:id/time',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Log time on a ticket (manual entry and the timer both post here)', params: idParams, body: ticketTimeBody, response: { 201: timeEntrySchema } },
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
      schema: { tags, summary: 'Time logged on a ticket, with totals', params: idParams, response: { 200: z.object({ items: z.array(timeEntrySchema), ...totals }) } },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return ticketTime(db(), request.params.id);
    },
  );

  app.get(
    '/api/time-entries',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'A member’s time entries, newest first (yours unless you manage members)', querystring: timeEntryListQuery, response: { 200: pageSchema(timeEntrySchema).extend(totals) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const memberId = request.query.memberId ?? actor.memberId;
      if (memberId !== actor.memberId && !actor.permissions.has(ADMIN_PERMISSION)) throw errors.forbidden(ADMIN_PERMISSION);
      return listMemberTime(db(), { ...request.query, memberId });
    },
  );

  app.delete(
    '/api/time-entries/:id',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Delete a time entry (your own, or anyone’s if you manage members)', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTimeEntry(db(), changeContext(request), request.params.id, actorOf(request).permissions.has(ADMIN_PERMISSION));
      return reply.status(204).send(null);
    },
  );
};
