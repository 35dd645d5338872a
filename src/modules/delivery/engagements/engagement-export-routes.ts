import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { engagementListQuery, type EngagementSummary } from '../contract/engagements.js';
import { listEngagements } from './engagement-read.js';

/** The engagements list's columns: schedule, risk, budget and progress as numbers and dates. */
export const ENGAGEMENT_EXPORT_COLUMNS: ExportColumn<EngagementSummary>[] = [
  { header: 'Name', value: (e) => e.name },
  { header: 'Account', value: (e) => e.account.name },
  { header: 'Kind', value: (e) => e.kind },
  { header: 'Status', value: (e) => e.status },
  { header: 'At risk', kind: 'boolean', value: (e) => e.atRisk },
  { header: 'Lead', value: (e) => e.lead?.name },
  { header: 'Start', kind: 'date', value: (e) => e.startDate },
  { header: 'Target go-live', kind: 'date', value: (e) => e.targetGoLiveDate },
  { header: 'Projected go-live', kind: 'date', value: (e) => e.projectedGoLiveDate },
  { header: 'Actual go-live', kind: 'date', value: (e) => e.actualGoLiveDate },
  { header: 'Slip (days)', kind: 'number', value: (e) => e.slipDays },
  { header: 'Budget hours', kind: 'number', value: (e) => e.budgetHours },
  { header: 'Logged hours', kind: 'number', value: (e) => e.loggedHours },
  { header: 'Milestones done', kind: 'number', value: (e) => e.progress.done },
  { header: 'Milestones', kind: 'number', value: (e) => e.progress.total },
  { header: 'Next milestone', value: (e) => e.nextMilestone?.title },
  { header: 'Next milestone due', kind: 'date', value: (e) => e.nextMilestone?.dueDate },
];

/** Engagements as CSV or XLSX: the same filters as `GET /api/engagements`, latest start first, every page. */
export const engagementExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/engagements/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: ['engagements'],
        summary: 'Engagements as a CSV or XLSX download, with the list’s filters (up to 100,000 engagements)',
        querystring: engagementListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'engagements',
        columns: ENGAGEMENT_EXPORT_COLUMNS,
        page: (paging) => listEngagements(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
