import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../../kernel/request-context.js';
import {
  acceptSowBody,
  createSowBody,
  declineSowBody,
  sowExportQuery,
  sowListSchema,
  statementOfWorkSchema,
  updateSowBody,
} from '../../contract/solutions.js';
import { acceptSow } from './sow-accept.js';
import { exportSow } from './sow-export.js';
import { copySow, createSow, declineSow, deleteSow, getSow, listSows, sendSow, updateSow } from './sow-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['statements of work'];

/**
 * Statements of work (issue 16): read with accounts.read; drafted, sent and declined by
 * presales.write; accepted — which creates the delivery engagement — by presales.manage.
 */
export const sowRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/opportunities/:id/statements-of-work',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The deal’s statements of work, newest first, with items and totals',
        params: idParams,
        response: { 200: sowListSchema },
      },
    },
    async (request) => ({ items: await listSows(db(), request.params.id) }),
  );

  app.post(
    '/api/opportunities/:id/statements-of-work',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Draft a statement of work: scope items priced from the rate card (each rate copied now), assumptions, out of scope',
        params: idParams,
        body: createSowBody,
        response: { 201: statementOfWorkSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSow(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/statements-of-work/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One statement of work', params: idParams, response: { 200: statementOfWorkSchema } },
    },
    async (request) => getSow(db(), request.params.id),
  );

  app.patch(
    '/api/statements-of-work/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Change a draft (409 once sent); `items` is the whole ordered list, `repriceItems` copies the card’s current rates',
        params: idParams,
        body: updateSowBody,
        response: { 200: statementOfWorkSchema },
      },
    },
    async (request) => updateSow(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/statements-of-work/:id',
    {
      config: { access: 'presales.write' },
      schema: { tags, summary: 'Delete a draft (a sent SOW stays on record)', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteSow(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/statements-of-work/:id/send',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Mark a draft as sent to the customer: it no longer changes',
        params: idParams,
        response: { 200: statementOfWorkSchema },
      },
    },
    async (request) => sendSow(db(), changeContext(request), request.params.id),
  );

  app.post(
    '/api/statements-of-work/:id/accept',
    {
      config: { access: 'presales.manage' },
      schema: {
        tags,
        summary:
          'Record the customer’s acceptance: creates the delivery engagement (kind chosen, budget = the SOW’s hours) and links it; 409 the second time',
        params: idParams,
        body: acceptSowBody,
        response: { 200: statementOfWorkSchema },
      },
    },
    async (request) => acceptSow(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/statements-of-work/:id/decline',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Record that the customer declined a sent SOW, and why',
        params: idParams,
        body: declineSowBody,
        response: { 200: statementOfWorkSchema },
      },
    },
    async (request) => declineSow(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/statements-of-work/:id/copy',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'A new draft with the same text and items, to revise a sent or declined SOW',
        params: idParams,
        response: { 201: statementOfWorkSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await copySow(db(), changeContext(request), request.params.id)),
  );

  app.get(
    '/api/statements-of-work/:id/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The SOW as a PDF (format=pdf, the default) or Markdown (format=md), as a download',
        params: idParams,
        querystring: sowExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportSow(db(), request.params.id, request.query.format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
};
