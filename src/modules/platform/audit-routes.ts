import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEntries } from './audit.js';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable().describe('The member, token or contact behind the change, by name'),
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
    async (request) => listAuditEntries(app.db.kysely, request.query),
  );
};
