import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeContext } from '../../../../kernel/request-context.js';
import { listMessages } from '../../../support/index.js';
import {
  createManyBody,
  createTicketBody,
  idsQuery,
  jobStatusEnvelope,
  ticketIdParams,
  ticketWithAuditEnvelope,
  updateManyBody,
  updateTicketBody,
} from '../../contract/tickets.js';
import { errors } from '../../../../kernel/errors.js';
import { createMany, destroyMany, updateMany } from './bulk-jobs.js';
import { numbersOf } from './ids-query.js';
import { presentJobStatus } from './present-job-status.js';
import { presentOne, ticketByNumber, ticketWithAudit } from './ticket-lookup.js';
import { createZendeskTicket, deleteZendeskTicket, updateZendeskTicket } from './ticket-writes.js';

const tags = ['zendesk: tickets'];

/**
 * POST/PUT/DELETE on /tickets (Support API reference → Tickets): create, update (with an optional
 * comment), delete, and their bulk forms, which answer with a job status (run in the request,
 * see bulk-jobs.ts).
 */
export const ticketWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.post(
    '/tickets',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Create a ticket', body: createTicketBody, response: { 201: ticketWithAuditEnvelope } },
    },
    async (request, reply) => {
      const id = await createZendeskTicket(db(), changeContext(request), request.body.ticket);
      const [first] = await listMessages(db(), id);
      return reply.status(201).send(await ticketWithAudit(db(), request, id, null, first?.id ?? null));
    },
  );

  app.post(
    '/tickets/create_many',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Create many tickets (≤ 100): a job status', body: createManyBody, response: { 200: jobStatusEnvelope } },
    },
    async (request) => ({ job_status: presentJobStatus(request, await createMany(db(), changeContext(request), request.body.tickets)) }),
  );

  app.put(
    '/tickets/update_many',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Update many tickets (≤ 100): one change for ?ids=…, or `tickets` with an id each; a job status',
        querystring: idsQuery,
        body: updateManyBody,
        response: { 200: jobStatusEnvelope },
      },
    },
    async (request) => {
      const body = request.body;
      let changes;
      if (body.ticket) {
        const input = body.ticket;
        changes = numbersOf(request.query.ids).map((number) => ({ number, input }));
      } else {
        if (request.query.ids)
          throw errors.validation('ids: send either ?ids= with `ticket`, or `tickets` with an id each', {
            location: 'querystring',
            field: 'ids',
          });
        changes = (body.tickets ?? []).map(({ id, ...input }) => ({ number: id, input }));
      }
      return { job_status: presentJobStatus(request, await updateMany(db(), changeContext(request), changes)) };
    },
  );

  app.put(
    '/tickets/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Update a ticket; `comment` adds a public reply or (public: false) an internal note',
        params: ticketIdParams,
        body: updateTicketBody,
        response: { 200: ticketWithAuditEnvelope },
      },
    },
    async (request) => {
      const record = await ticketByNumber(db(), request.params.id);
      const before = await presentOne(db(), request, record);
      const messageId = await updateZendeskTicket(db(), changeContext(request), record.id, request.body.ticket);
      return ticketWithAudit(db(), request, record.id, before, messageId);
    },
  );

  app.delete(
    '/tickets/destroy_many',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Delete many tickets (?ids=…, ≤ 100): a job status',
        querystring: idsQuery,
        response: { 200: jobStatusEnvelope },
      },
    },
    async (request) => ({
      job_status: presentJobStatus(request, await destroyMany(db(), changeContext(request), numbersOf(request.query.ids))),
    }),
  );

  app.delete(
    '/tickets/:id',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Delete a ticket for good (audited)', params: ticketIdParams },
    },
    async (request, reply) => {
      const record = await ticketByNumber(db(), request.params.id);
      await deleteZendeskTicket(db(), changeContext(request), record.id);
      return reply.status(204).send();
    },
  );
};
