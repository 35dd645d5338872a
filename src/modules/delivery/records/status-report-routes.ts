import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  generateReportBody,
  sendReportBody,
  statusReportSchema,
  statusReportSummarySchema,
  updateReportBody,
} from '../contract/records.js';
import * as reports from './status-report-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['status reports'];

/** Status reports: generated from an engagement's data, edited as drafts, e-mailed to the customer's contacts. */
export const statusReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/engagements/:id/status-reports',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'An engagement’s status reports, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(statusReportSummarySchema) }) },
      },
    },
    async (request) => ({ items: await reports.listStatusReports(db(), request.params.id) }),
  );

  app.post(
    '/api/engagements/:id/status-reports',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'Generate a draft status report for a period from the engagement’s data',
        params: idParams,
        body: generateReportBody,
        response: { 201: statusReportSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.generateStatusReport(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/status-reports/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'One status report with its sections, figures and recipients',
        params: idParams,
        response: { 200: statusReportSchema },
      },
    },
    async (request) => reports.getStatusReport(db(), request.params.id),
  );

  app.patch(
    '/api/status-reports/:id',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'Edit a draft report (title, overall status, sections)',
        params: idParams,
        body: updateReportBody,
        response: { 200: statusReportSchema },
      },
    },
    async (request) => reports.updateStatusReport(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/status-reports/:id/send',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'E-mail the report to contacts of the engagement’s account (again to more contacts once sent)',
        params: idParams,
        body: sendReportBody,
        response: { 200: statusReportSchema },
      },
    },
    async (request) => reports.sendStatusReport(db(), changeContext(request), request.params.id, request.body.contactIds),
  );

  app.delete(
    '/api/status-reports/:id',
    {
      config: { access: 'delivery.write' },
      schema: { tags, summary: 'Delete a draft report', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await reports.deleteStatusReport(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
