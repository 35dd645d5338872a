import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeContext } from '../../../kernel/request-context.js';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { dealSupportQueueQuery, type DealSupportRequest } from '../contract/opportunities.js';
import { listDealSupportQueue } from './deal-support-service.js';

/** The deal-support queue's columns: the deal it serves, who asked, who works it and by when. */
export const DEAL_SUPPORT_EXPORT_COLUMNS: ExportColumn<DealSupportRequest>[] = [
  { header: 'Title', value: (d) => d.title },
  { header: 'Kind', value: (d) => d.kind },
  { header: 'Status', value: (d) => d.status },
  { header: 'Opportunity', value: (d) => d.opportunity.name },
  { header: 'Account', value: (d) => d.opportunity.accountName },
  { header: 'Deal ARR', kind: 'number', value: (d) => d.opportunity.arr },
  { header: 'Requested by', value: (d) => d.requestedBy?.name },
  { header: 'Assignee', value: (d) => d.assignee?.name },
  { header: 'Due', kind: 'date', value: (d) => d.dueDate },
  { header: 'Overdue', kind: 'boolean', value: (d) => d.overdue },
  { header: 'Estimated hours', kind: 'number', value: (d) => d.estimatedHours },
  { header: 'Created', kind: 'datetime', value: (d) => d.createdAt },
  { header: 'Completed', kind: 'datetime', value: (d) => d.completedAt },
];

/** The deal-support queue as CSV or XLSX: the same filters ("mine" included) as `GET /api/deal-support`, every page. */
export const dealSupportExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/deal-support/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['deal support'],
        summary: 'The deal-support queue as a CSV or XLSX download, with the queue’s filters (up to 100,000 requests)',
        querystring: dealSupportQueueQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const context = changeContext(request);
      return sendListExport(reply, format, {
        name: 'deal-support',
        columns: DEAL_SUPPORT_EXPORT_COLUMNS,
        page: (paging) => listDealSupportQueue(app.db.kysely, context, { ...query, ...paging }),
      });
    },
  );
};
