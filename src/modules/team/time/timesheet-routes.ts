import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { copyWeekBody, copyWeekResult, timeExportQuery, timesheetWeekSchema, weekQuery } from '../contract/time-entries.js';
import { exportRows, timeCsv, timeWorkbook } from './time-export.js';
import { timeOwner } from './time-entry-write.js';
import { copyWeek, timesheetWeek } from './timesheet-service.js';

const tags = ['time'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The weekly timesheet (issue 17): a member's week as a grid, copying a week, and the export. */
export const timesheetRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/time-entries/week',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A member’s week as a grid: rows by category and links, day cells, totals and capacity',
        querystring: weekQuery,
        response: { 200: timesheetWeekSchema },
      },
    },
    async (request) => timesheetWeek(db(), await timeOwner(db(), actorOf(request), request.query.memberId), request.query.weekStart),
  );

  app.post(
    '/api/time-entries/copy-week',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Copy a week’s entries into another week (refused when that week has any)',
        body: copyWeekBody,
        response: { 201: copyWeekResult },
      },
    },
    async (request, reply) => {
      const member = await timeOwner(db(), actorOf(request), request.body.memberId);
      const result = await copyWeek(db(), changeContext(request), member, request.body.fromWeekStart, request.body.toWeekStart);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/time-entries/export',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A member’s entries between two dates as CSV or XLSX, one row per entry',
        querystring: timeExportQuery,
        produces: ['text/csv', XLSX],
      },
    },
    async (request, reply) => {
      const { format, from, to, memberId } = request.query;
      const rows = await exportRows(db(), await timeOwner(db(), actorOf(request), memberId), from, to);
      const name = `outpost-time-${from}-${to}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'xlsx') return reply.type(XLSX).send(await timeWorkbook(rows));
      return reply.type('text/csv; charset=utf-8').send(timeCsv(rows));
    },
  );
};
