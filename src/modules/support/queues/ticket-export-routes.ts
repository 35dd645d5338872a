import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../kernel/request-context.js';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { ticketListQuery, type Ticket } from '../contract/tickets.js';
import { listTickets } from './views.js';

/** The queue's columns, in the order an agent reads a ticket. */
export const TICKET_EXPORT_COLUMNS: ExportColumn<Ticket>[] = [
  { header: 'Number', kind: 'number', value: (t) => t.number },
  { header: 'Subject', value: (t) => t.subject },
  { header: 'Status', value: (t) => t.status },
  { header: 'Priority', value: (t) => t.priority },
  { header: 'Tier', value: (t) => t.tier },
  { header: 'Account', value: (t) => t.account.name },
  { header: 'Requester', value: (t) => t.requester.name },
  { header: 'Requester e-mail', value: (t) => t.requester.email },
  { header: 'Assignee', value: (t) => t.assignee?.name },
  { header: 'Group', value: (t) => t.group?.name },
  { header: 'Channel', value: (t) => t.channel },
  { header: 'Tags', value: (t) => t.tags.join(', ') },
  { header: 'SLA due', kind: 'datetime', value: (t) => t.sla.dueAt },
  { header: 'Created', kind: 'datetime', value: (t) => t.createdAt },
  { header: 'Updated', kind: 'datetime', value: (t) => t.updatedAt },
  { header: 'Solved', kind: 'datetime', value: (t) => t.solvedAt },
];

/** The ticket queue as CSV or XLSX: the same view and filters as `GET /api/tickets`, every page of it. */
export const ticketExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tickets/export',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        summary: 'The queue as a CSV or XLSX download: the list’s view and filters, nearest SLA due first (up to 100,000 tickets)',
        querystring: ticketListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const memberId = actorOf(request).memberId;
      return sendListExport(reply, format, {
        name: 'tickets',
        columns: TICKET_EXPORT_COLUMNS,
        page: (paging) => listTickets(app.db.kysely, { ...query, ...paging }, memberId),
      });
    },
  );
};
