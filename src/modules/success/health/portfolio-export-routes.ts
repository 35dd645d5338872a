import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { portfolioQuery, type PortfolioRow } from '../contract/health.js';
import { listPortfolio } from './health-portfolio.js';

/** The health portfolio's columns: score, grade and change as numbers, so a spreadsheet can chart them. */
export const PORTFOLIO_EXPORT_COLUMNS: ExportColumn<PortfolioRow>[] = [
  { header: 'Account', value: (r) => r.account.name },
  { header: 'Segment', value: (r) => r.account.segment },
  { header: 'ARR', kind: 'number', value: (r) => r.account.arr },
  { header: 'Score', kind: 'number', value: (r) => r.score },
  { header: 'Grade', value: (r) => r.grade },
  { header: '30-day change', kind: 'number', value: (r) => r.changeThirtyDays },
  { header: 'Overridden', kind: 'boolean', value: (r) => r.overridden },
  { header: 'Owner', value: (r) => r.owner?.name },
  { header: 'Renewal', kind: 'date', value: (r) => r.renewalDate },
  { header: 'Top driver', value: (r) => r.topDriver },
];

/** The health portfolio as CSV or XLSX: the same filters and sort as `GET /api/health/portfolio`, every page. */
export const portfolioExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health/portfolio/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['health'],
        summary: 'The health portfolio as a CSV or XLSX download, with the list’s filters and sort (up to 100,000 accounts)',
        querystring: portfolioQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'health-portfolio',
        columns: PORTFOLIO_EXPORT_COLUMNS,
        page: (paging) => listPortfolio(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
