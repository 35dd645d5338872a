import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { categoryTotalsSchema, timeEntryBody, timeEntryListQuery, timeEntryPatchBody, timeEntrySchema } from '../contract/time-entries.js';
import { deleteTimeEntry, listMemberTime } from './time-entry-service.js';
import { createTimeEntry, TIME_MANAGE, updateTimeEntry } from './time-entry-write.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['time'];
const totals = { totalMinutes: z.number(), byCategory: categoryTotalsSchema.describe('Minutes per category') };
/** Who may see, log and remove anyone's time: admins and engineering managers. */
const ADMIN_PERMISSION = TIME_MANAGE;

export const timeEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/time-entries',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A member’s time entries, newest first (yours unless you hold time.manage)',
        querystring: timeEntryListQuery,
        response: { 200: pageSchema(timeEntrySchema).extend(totals) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const memberId = request.query.memberId ?? actor.memberId;
      if (memberId !== actor.memberId && !actor.permissions.has(ADMIN_PERMISSION)) throw errors.forbidden(ADMIN_PERMISSION);
      return listMemberTime(db(), { ...request.query, memberId });
    },
  );

  app.post(
    '/api/time-entries',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Log time in any category, optionally on a ticket, engagement, task, account, opportunity or interaction',
        description: 'For yourself; for another member (memberId) with time.manage. Links are checked and must share one account.',
        body: timeEntryBody,
        response: { 201: timeEntrySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTimeEntry(db(), changeContext(request), actorOf(request), request.body)),
  );

  app.patch(
    '/api/time-entries/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change a time entry (your own, or anyone’s with time.manage)',
        params: idParams,
        body: timeEntryPatchBody,
        response: { 200: timeEntrySchema },
      },
    },
    async (request) => updateTimeEntry(db(), changeContext(request), actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/time-entries/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Delete a time entry (your own, or anyone’s with time.manage)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteTimeEntry(db(), changeContext(request), request.params.id, actorOf(request).permissions.has(ADMIN_PERMISSION));
      return reply.status(204).send(null);
    },
  );
};
