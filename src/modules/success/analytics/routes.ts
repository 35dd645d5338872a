import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { ZodType } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { analyticsGroups } from '../../support/index.js';
import {
  analyticsGroupsSchema,
  backlogQuery,
  backlogSchema,
  createdVsSolvedSchema,
  csatTrendSchema,
  deliveryAnalyticsQuery,
  deliveryEngagementsSchema,
  escalationRateSchema,
  responseTimesQuery,
  responseTimesSchema,
  SLA_ATTAINMENT_DEFINITION,
  slaAttainmentQuery,
  slaAttainmentSchema,
  supportAnalyticsQuery,
} from '../contract/analytics.js';
import {
  backlog,
  backlogCsv,
  createdVsSolved,
  createdVsSolvedCsv,
  csatTrend,
  csatTrendCsv,
  deliveryEngagements,
  deliveryEngagementsCsv,
  escalationRate,
  escalationRateCsv,
  responseTimes,
  responseTimesCsv,
  slaAttainment,
  slaAttainmentCsv,
  type CsvTable,
} from './analytics-service.js';

const tags = ['analytics'];

/** A spreadsheet must not run a cell as a formula: text starting with = + - @ (or a tab/CR) is quoted with '. */
function safeCell(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function sendCsv(reply: FastifyReply, name: string, table: CsvTable) {
  const csv = stringify(
    table.rows.map((r) => r.map(safeCell)),
    { header: true, columns: table.columns },
  );
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="outpost-${name}-${new Date().toISOString().slice(0, 10)}.csv"`)
    .send(csv);
}

/**
 * Analytics for the support manager (tickets.read) and the delivery lead (accounts.read): each chart
 * as JSON, and the same figures as CSV at the same path with `.csv`. Read-only.
 */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  function chart<Q extends ZodType, R>(
    path: string,
    access: 'tickets.read' | 'accounts.read',
    summary: string,
    querystring: Q,
    response: ZodType,
    compute: (query: Q['_output']) => Promise<R>,
    toCsv: (result: R) => CsvTable,
  ) {
    const name = path.split('/').slice(-2).join('-');
    app.get(path, { config: { access }, schema: { tags, summary, querystring, response: { 200: response } } }, async (request) =>
      compute(request.query as Q['_output']),
    );
    app.get(
      `${path}.csv`,
      { config: { access }, schema: { tags, summary: `${summary} (CSV)`, querystring, produces: ['text/csv'] } },
      async (request, reply) => sendCsv(reply, name, toCsv(await compute(request.query as Q['_output']))),
    );
  }

  chart(
    '/api/analytics/support/sla-attainment',
    'tickets.read',
    SLA_ATTAINMENT_DEFINITION,
    slaAttainmentQuery,
    slaAttainmentSchema,
    (q) => slaAttainment(db(), q),
    slaAttainmentCsv,
  );
  chart(
    '/api/analytics/support/response-times',
    'tickets.read',
    'First-reply and resolution times of the tickets created in the period (calendar or business hours): histogram, median and p90',
    responseTimesQuery,
    responseTimesSchema,
    (q) => responseTimes(db(), q),
    responseTimesCsv,
  );
  chart(
    '/api/analytics/support/backlog',
    'tickets.read',
    'Open tickets at the end of each day or week',
    backlogQuery,
    backlogSchema,
    (q) => backlog(db(), q),
    backlogCsv,
  );
  chart(
    '/api/analytics/support/created-vs-solved',
    'tickets.read',
    'Tickets created and solved per week',
    supportAnalyticsQuery,
    createdVsSolvedSchema,
    (q) => createdVsSolved(db(), q),
    createdVsSolvedCsv,
  );
  chart(
    '/api/analytics/support/csat',
    'tickets.read',
    'CSAT per month: responses and % good',
    supportAnalyticsQuery,
    csatTrendSchema,
    (q) => csatTrend(db(), q),
    csatTrendCsv,
  );
  chart(
    '/api/analytics/support/escalation-rate',
    'tickets.read',
    'Tier 1 → Tier 2 escalation rate per month of creation',
    supportAnalyticsQuery,
    escalationRateSchema,
    (q) => escalationRate(db(), q),
    escalationRateCsv,
  );
  chart(
    '/api/analytics/delivery/engagements',
    'accounts.read',
    'Live engagements: budget burn and schedule slip, with portfolio totals',
    deliveryAnalyticsQuery,
    deliveryEngagementsSchema,
    (q) => deliveryEngagements(db(), q),
    deliveryEngagementsCsv,
  );

  app.get(
    '/api/analytics/support/groups',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'The ticket groups the charts filter by', response: { 200: analyticsGroupsSchema } },
    },
    async () => ({ items: await analyticsGroups(db()) }),
  );
};
