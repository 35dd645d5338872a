import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../platform/index.js';
import { accountListQuery, type AccountSummary } from './contract/accounts.js';
import { listAccounts } from './service.js';

/** The accounts list's columns, plus the domains and the internal flag a spreadsheet user filters on. */
export const ACCOUNT_EXPORT_COLUMNS: ExportColumn<AccountSummary>[] = [
  { header: 'Name', value: (a) => a.name },
  { header: 'Domains', value: (a) => a.domains.join(', ') },
  { header: 'Segment', value: (a) => a.segment },
  { header: 'Stage', value: (a) => a.lifecycleStage },
  { header: 'ARR', kind: 'number', value: (a) => a.arr },
  { header: 'Renewal', kind: 'date', value: (a) => a.renewalDate },
  { header: 'Relationship', value: (a) => a.relationship },
  { header: 'Account manager', value: (a) => a.accountManager?.name },
  { header: 'Contacts', kind: 'number', value: (a) => a.contactCount },
  { header: 'Internal', kind: 'boolean', value: (a) => a.internal },
];

/** The accounts list as CSV or XLSX: the same search, filters and sort as `GET /api/accounts`, every page of it. */
export const accountExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/accounts/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['accounts'],
        summary: 'Accounts as a CSV or XLSX download, with the list’s filters and sort (up to 100,000 accounts)',
        querystring: accountListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'accounts',
        columns: ACCOUNT_EXPORT_COLUMNS,
        page: (paging) => listAccounts(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
