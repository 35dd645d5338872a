import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  ip: z.string().nullable(),
});

/** The append-only audit log: readable by admins, never edited or deleted through any route. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: z.object({
          actorId: z.string().max(64).optional(),
          recordType: z.string().max(64).optional(),
          recordId: z.string().max(64).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      let query = app.db.kysely.selectFrom('audit_log').selectAll();
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      if (q.recordType) query = query.where('record_type', '=', q.recordType);
      if (q.recordId) query = query.where('record_id', '=', q.recordId);
      if (q.cursor) query = query.where('id', '<', Number(decodeCursor(q.cursor, 'integer').sortValue));
      const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
      const page = toPage(rows, q.limit, (r) => encodeCursor(Number(r.id), String(r.id)));
      return {
        items: page.items.map((r) => ({
          id: Number(r.id),
          at: r.at,
          actorType: r.actor_type,
          actorId: r.actor_id,
          action: r.action,
          recordType: r.record_type,
          recordId: r.record_id,
          changes: r.changes ? (JSON.parse(r.changes) as Record<string, [unknown, unknown]>) : null,
          ip: r.ip,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
