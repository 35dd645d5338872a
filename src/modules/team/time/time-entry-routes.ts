import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { categoryTotalsSchema, timeEntryListQuery, timeEntrySchema } from '../contract/time-entries.js';
import { deleteTimeEntry, listMemberTime } from './time-entry-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['time'];
const totals = { totalMinutes: z.number(), byCategory: categoryTotalsSchema.describe('Minutes per category') };
/** Who may see and remove anyone's time: the same people who manage members. */
const ADMIN_PERMISSION = 'members.manage';

export const timeEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/time-entries',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A member’s time entries, newest first (yours unless you manage members)',
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

  app.delete(
    '/api/time-entries/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Delete a time entry (your own, or anyone’s if you manage members)',
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
