import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { feedbackListQuery, type FeedbackItem } from '../contract/items.js';
import { listFeedbackItems } from './item-list.js';

/** Feedback items' columns: who said what, how much it matters, and which request it counts toward. */
export const FEEDBACK_EXPORT_COLUMNS: ExportColumn<FeedbackItem>[] = [
  { header: 'Title', value: (f) => f.title },
  { header: 'Quote', value: (f) => f.quote },
  { header: 'Account', value: (f) => f.account.name },
  { header: 'Contact', value: (f) => f.contact?.name },
  { header: 'Impact', value: (f) => f.impact },
  { header: 'Product area', value: (f) => f.productArea },
  { header: 'Tags', value: (f) => f.tags.join(', ') },
  { header: 'Source', value: (f) => f.source.label },
  { header: 'Feature request', value: (f) => f.request?.title },
  { header: 'Request status', value: (f) => f.request?.status },
  { header: 'Pipeline ARR', kind: 'number', value: (f) => f.pipelineArr },
  { header: 'Captured by', value: (f) => f.capturedBy?.name },
  { header: 'Created', kind: 'datetime', value: (f) => f.createdAt },
];

/** Feedback items as CSV or XLSX: the same filters as `GET /api/feedback-items`, newest first, every page. */
export const feedbackItemExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/feedback-items/export',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags: ['feedback'],
        summary: 'Feedback items as a CSV or XLSX download, with the list’s filters (up to 100,000 items)',
        querystring: feedbackListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'feedback-items',
        columns: FEEDBACK_EXPORT_COLUMNS,
        page: (paging) => listFeedbackItems(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
