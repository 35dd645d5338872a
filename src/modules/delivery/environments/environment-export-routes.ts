import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { environmentPageQuery, type EnvironmentSummary } from '../contract/environments.js';
import { pageEnvironments } from './environment-list.read-model.js';

/** The environment registry's columns: where each runs, what version, and how far behind the catalogue. */
export const ENVIRONMENT_EXPORT_COLUMNS: ExportColumn<EnvironmentSummary>[] = [
  { header: 'Account', value: (e) => e.account.name },
  { header: 'Environment', value: (e) => e.name },
  { header: 'Product', value: (e) => e.product },
  { header: 'Version', value: (e) => e.version },
  { header: 'Latest version', value: (e) => e.latestVersion },
  { header: 'Versions behind', kind: 'number', value: (e) => e.versionsBehind },
  { header: 'Version supported', kind: 'boolean', value: (e) => e.versionSupported },
  { header: 'Hosting', value: (e) => e.hosting },
  { header: 'Region', value: (e) => e.region },
  { header: 'Status', value: (e) => e.status },
  { header: 'Last upgraded', kind: 'datetime', value: (e) => e.lastUpgradedAt },
  { header: 'Updated', kind: 'datetime', value: (e) => e.updatedAt },
];

/** The environment registry as CSV or XLSX: the same filters as `GET /api/environments`, by account, every page. */
export const environmentExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/environments/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['environments'],
        summary: 'Environments as a CSV or XLSX download, with the registry’s filters (up to 100,000 environments)',
        querystring: environmentPageQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'environments',
        columns: ENVIRONMENT_EXPORT_COLUMNS,
        page: (paging) => pageEnvironments(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
