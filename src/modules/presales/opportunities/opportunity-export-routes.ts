import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { opportunityListQuery, type Opportunity } from '../contract/opportunities.js';
import { listOpportunities } from './opportunity-service.js';

/** The pipeline's columns: the deal, its money and dates typed, its team and the technical win. */
export const OPPORTUNITY_EXPORT_COLUMNS: ExportColumn<Opportunity>[] = [
  { header: 'Name', value: (o) => o.name },
  { header: 'Account', value: (o) => o.account.name },
  { header: 'Stage', value: (o) => o.stage },
  { header: 'Open', kind: 'boolean', value: (o) => o.open },
  { header: 'ARR', kind: 'number', value: (o) => o.arr },
  { header: 'Close date', kind: 'date', value: (o) => o.closeDate },
  { header: 'Technical win', value: (o) => o.technicalWin },
  { header: 'Sales owner', value: (o) => o.salesOwner?.name },
  { header: 'Sales engineer', value: (o) => o.salesEngineer?.name },
  { header: 'Solutions architect', value: (o) => o.solutionsArchitect?.name },
  { header: 'Products', value: (o) => o.products.join(', ') },
  { header: 'Updated', kind: 'datetime', value: (o) => o.updatedAt },
  { header: 'Closed', kind: 'datetime', value: (o) => o.closedAt },
];

/** Opportunities as CSV or XLSX: the same filters and sort as `GET /api/opportunities`, every page. */
export const opportunityExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/opportunities/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['opportunities'],
        summary: 'Opportunities as a CSV or XLSX download, with the list’s filters and sort (up to 100,000 deals)',
        querystring: opportunityListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'opportunities',
        columns: OPPORTUNITY_EXPORT_COLUMNS,
        page: (paging) => listOpportunities(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
