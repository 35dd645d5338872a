import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { listAuditEntries } from '../../../kernel/audit.js';
import { auditFilters, auditListQuery, auditPageSchema } from '../contract/audit.js';

/** The append-only audit log: readable by admins, never edited or deleted through any route. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: auditListQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => listAuditEntries(app.db.kysely, request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV (newest first, up to 50,000 entries)',
        querystring: auditFilters,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const rows: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await listAuditEntries(app.db.kysely, { ...request.query, cursor, limit: 200 });
        for (const e of page.items) {
          rows.push([
            String(e.id),
            e.at,
            e.actorType,
            e.actorId ?? '',
            e.actorName ?? '',
            e.action,
            e.recordType,
            e.recordId,
            e.changes ? JSON.stringify(e.changes) : '',
            e.ip ?? '',
          ]);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < 50_000);
      const csv = stringify(rows, {
        header: true,
        columns: ['id', 'at', 'actor_type', 'actor_id', 'actor_name', 'action', 'record_type', 'record_id', 'changes', 'ip'],
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="outpost-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
};
