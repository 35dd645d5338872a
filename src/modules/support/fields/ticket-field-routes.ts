import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createTicketFieldBody,
  ticketFieldListQuery,
  ticketFieldListSchema,
  ticketFieldSchema,
  updateTicketFieldBody,
} from '../contract/ticket-fields.js';
import { createTicketField, getTicketField, listTicketFields, updateTicketField } from './ticket-field-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['ticket fields'];

/** Custom ticket fields (Zendesk's ticket fields): every agent reads them, support admins shape them. */
export const ticketFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/ticket-fields',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Custom ticket fields, in the order tickets show them',
        querystring: ticketFieldListQuery,
        response: { 200: ticketFieldListSchema },
      },
    },
    async (request) => ({
      items: await listTicketFields(db(), request.query.active === undefined ? undefined : request.query.active === 'true'),
    }),
  );

  app.get(
    '/api/ticket-fields/:id',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One custom ticket field', params: idParams, response: { 200: ticketFieldSchema } },
    },
    async (request) => getTicketField(db(), request.params.id),
  );

  app.post(
    '/api/ticket-fields',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Add a custom ticket field', body: createTicketFieldBody, response: { 201: ticketFieldSchema } },
    },
    async (request, reply) => reply.status(201).send(await createTicketField(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/ticket-fields/:id',
    {
      config: { access: 'support.manage' },
      schema: {
        tags,
        summary: 'Rename, reorder, change the options of, or deactivate a custom ticket field',
        params: idParams,
        body: updateTicketFieldBody,
        response: { 200: ticketFieldSchema },
      },
    },
    async (request) => updateTicketField(db(), changeContext(request), request.params.id, request.body),
  );
};
