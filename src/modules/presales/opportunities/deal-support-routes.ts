import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createDealSupportBody,
  dealSupportListSchema,
  dealSupportPageSchema,
  dealSupportQueueQuery,
  dealSupportSchema,
  engineerLoadListSchema,
  updateDealSupportBody,
} from '../contract/opportunities.js';
import {
  createDealSupport,
  dealSupportLoad,
  getDealSupport,
  listDealSupportQueue,
  listOpportunityDealSupport,
  updateDealSupport,
} from './deal-support-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['deal support'];

/**
 * Deal-support requests: anyone who works deals (presales.write) asks for help on one and moves
 * requests through accepted, in progress, done or declined; everyone who reads accounts sees the
 * queue and the engineers' load.
 */
export const dealSupportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/deal-support',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The deal-support queue, soonest due first: by status (or open), assignee (or none), kind, mine',
        querystring: dealSupportQueueQuery,
        response: { 200: dealSupportPageSchema },
      },
    },
    async (request) => listDealSupportQueue(db(), changeContext(request), request.query),
  );

  app.get(
    '/api/deal-support/load',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Each engineer’s open deal-support load: requests, estimated hours, due this week, overdue',
        response: { 200: engineerLoadListSchema },
      },
    },
    async () => dealSupportLoad(db()),
  );

  app.get(
    '/api/deal-support/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One deal-support request', params: idParams, response: { 200: dealSupportSchema } },
    },
    async (request) => getDealSupport(db(), request.params.id),
  );

  app.patch(
    '/api/deal-support/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Move a request (accept, start, done, decline with a reason, reopen), reassign it (the new assignee is notified) or edit it',
        params: idParams,
        body: updateDealSupportBody,
        response: { 200: dealSupportSchema },
      },
    },
    async (request) => updateDealSupport(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/opportunities/:id/deal-support',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The deal’s support requests, newest first', params: idParams, response: { 200: dealSupportListSchema } },
    },
    async (request) => ({ items: await listOpportunityDealSupport(db(), request.params.id) }),
  );

  app.post(
    '/api/opportunities/:id/deal-support',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Ask for a demo, a PoC, an RFP or an architecture review on the deal; the assignee is notified in the app and by e-mail',
        params: idParams,
        body: createDealSupportBody,
        response: { 201: dealSupportSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDealSupport(db(), changeContext(request), request.params.id, request.body)),
  );
};
