import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { collateralListQuery, type CollateralItem } from '../contract/collateral.js';
import { listCollateral } from './collateral-service.js';

/** The collateral library's columns: what each item is, its current file and how often it went out. */
export const COLLATERAL_EXPORT_COLUMNS: ExportColumn<CollateralItem>[] = [
  { header: 'Title', value: (c) => c.title },
  { header: 'Kind', value: (c) => c.kind },
  { header: 'Product area', value: (c) => c.productArea },
  { header: 'Tags', value: (c) => c.tags.join(', ') },
  { header: 'Industries', value: (c) => c.industries.join(', ') },
  { header: 'Segments', value: (c) => c.segments.join(', ') },
  { header: 'Status', value: (c) => c.status },
  { header: 'Owner', value: (c) => c.owner?.name },
  { header: 'Current file', value: (c) => c.currentVersion?.filename },
  { header: 'Versions', kind: 'number', value: (c) => c.versionCount },
  { header: 'Times sent', kind: 'number', value: (c) => c.sendCount },
  { header: 'Last sent', kind: 'datetime', value: (c) => c.lastSentAt },
  { header: 'Updated', kind: 'datetime', value: (c) => c.updatedAt },
];

/** The collateral library as CSV or XLSX: the same search, filters and sort as `GET /api/collateral`, every page. */
export const collateralExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/collateral/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['collateral'],
        summary: 'Collateral items as a CSV or XLSX download, with the list’s filters and sort (up to 100,000 items)',
        querystring: collateralListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'collateral',
        columns: COLLATERAL_EXPORT_COLUMNS,
        page: (paging) => listCollateral(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
