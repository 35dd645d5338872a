import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { requestListQuery, type FeatureRequestSummary } from '../contract/requests.js';
import { listFeatureRequests } from './request-read.js';

/** The ranked requests' columns: the ranking's figures as numbers, so a spreadsheet can re-sort them. */
export const REQUEST_EXPORT_COLUMNS: ExportColumn<FeatureRequestSummary>[] = [
  { header: 'Title', value: (r) => r.title },
  { header: 'Status', value: (r) => r.status },
  { header: 'Product area', value: (r) => r.productArea },
  { header: 'Score', kind: 'number', value: (r) => r.score },
  { header: 'ARR', kind: 'number', value: (r) => r.arr },
  { header: 'Pipeline ARR', kind: 'number', value: (r) => r.pipelineArr },
  { header: 'Customers', kind: 'number', value: (r) => r.customerCount },
  { header: 'Items', kind: 'number', value: (r) => r.itemCount },
  { header: 'Owner', value: (r) => r.owner?.name },
  { header: 'Target release', value: (r) => r.targetRelease },
  { header: 'Visibility', value: (r) => r.visibility },
  { header: 'Updated', kind: 'datetime', value: (r) => r.updatedAt },
];

/** Feature requests as CSV or XLSX: the same ranking, filters and sort as `GET /api/feature-requests`, every page. */
export const featureRequestExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/feature-requests/export',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags: ['feature requests'],
        summary: 'Feature requests as a CSV or XLSX download, ranked as the list is (up to 100,000 requests)',
        querystring: requestListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'feature-requests',
        columns: REQUEST_EXPORT_COLUMNS,
        page: (paging) => listFeatureRequests(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
