import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { escalateTicket, escalationDraft, listEscalations } from '../escalation/escalation-service.js';
import { addAgentMessage } from './message-service.js';
import {
  addMessageBody,
  createTicketBody,
  escalateBody,
  escalationDraftSchema,
  escalationSchema,
  messageSchema,
  ticketDetailSchema,
  ticketEventSchema,
  ticketListQuery,
  ticketSchema,
  updateTicketBody,
} from '../contract/tickets.js';
import { listTicketEvents } from './ticket-events.js';
import { createTicket, getTicket, updateTicket } from './ticket-service.js';
import { listTickets } from '../queues/views.js';
import { ticketPage } from './ticket-page.js';
import { inTransactionWithAnswer } from '../../platform/index.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['tickets'];

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'A queue: tickets by view or filters, nearest SLA due first',
        querystring: ticketListQuery,
        response: { 200: pageSchema(ticketSchema) },
      },
    },
    async (request) => listTickets(db(), request.query, actorOf(request).memberId),
  );

  app.post(
    '/api/tickets',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Open a ticket on behalf of a requester', body: createTicketBody, response: { 201: ticketSchema } },
    },
    async (request, reply) => {
      const via = actorOf(request).type === 'token' ? 'api' : 'web';
      // The Idempotency-Key's answer is stored in the ticket's own transaction: a crash after it commits replays it.
      const ticket = await inTransactionWithAnswer(
        request,
        201,
        (trx) => createTicket(trx, changeContext(request), request.body, via),
        (created) => reply.serializeInput(created, '201') as string,
      );
      return reply.status(201).send(ticket);
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'A ticket with its conversation and the account’s context',
        params: idParams,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => ticketPage(db(), request.params.id),
  );

  app.patch(
    '/api/tickets/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Change status, priority, assignee, group or tags',
        params: idParams,
        body: updateTicketBody,
        response: { 200: ticketSchema },
      },
    },
    async (request) => updateTicket(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/tickets/:id/messages',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Reply publicly or add an internal note',
        params: idParams,
        body: addMessageBody,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addAgentMessage(
            db(),
            changeContext(request),
            request.params.id,
            request.body,
            actorOf(request).type === 'token' ? 'api' : 'web',
          ),
        ),
  );

  app.get(
    '/api/tickets/:id/events',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The ticket’s history: every change as an event',
        params: idParams,
        response: { 200: z.object({ items: z.array(ticketEventSchema) }) },
      },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return { items: await listTicketEvents(db(), request.params.id) };
    },
  );

  app.get(
    '/api/tickets/:id/escalations',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Escalation records', params: idParams, response: { 200: z.object({ items: z.array(escalationSchema) }) } },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return { items: await listEscalations(db(), request.params.id) };
    },
  );

  app.get(
    '/api/tickets/:id/escalation-draft',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Pre-filled summary for the escalation dialog', params: idParams, response: { 200: escalationDraftSchema } },
    },
    async (request) => escalationDraft(db(), request.params.id),
  );

  app.post(
    '/api/tickets/:id/escalate',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Move the ticket to another tier, with reason and summary',
        params: idParams,
        body: escalateBody,
        response: { 201: escalationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await escalateTicket(db(), changeContext(request), request.params.id, request.body)),
  );
};
