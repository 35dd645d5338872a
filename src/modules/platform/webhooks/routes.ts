import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { EVENT_TYPES } from '../../../kernel/domain-events.js';
import {
  createWebhookBody,
  createdWebhookSchema,
  deliveryListSchema,
  updateWebhookBody,
  webhookListSchema,
  webhookSchema,
} from '../contract/webhooks.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
  updateWebhook,
} from './webhook-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['webhooks'];
/** Admin-defined webhook subscriptions, their delivery log, manual redelivery and a test ping. */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/webhooks',
    { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Webhook subscriptions', response: { 200: webhookListSchema } } },
    async () => ({
      items: await listWebhooks(db()),
      eventTypes: [...EVENT_TYPES],
    }),
  );

  app.post(
    '/api/webhooks',
    {
      config: { access: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the signing secret is returned only in this response',
        body: createWebhookBody,
        response: { 201: createdWebhookSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createWebhook(db(), app.secretBox, changeContext(request), request.body)),
  );

  app.get(
    '/api/webhooks/:id',
    {
      config: { access: 'webhooks.manage' },
      schema: { tags, summary: 'One subscription', params: idParams, response: { 200: webhookSchema } },
    },
    async (request) => getWebhook(db(), request.params.id),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      config: { access: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Change a subscription; status "active" resumes a paused one',
        params: idParams,
        body: updateWebhookBody,
        response: { 200: webhookSchema },
      },
    },
    async (request) => updateWebhook(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: { access: 'webhooks.manage' },
      schema: { tags, summary: 'Delete a subscription', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteWebhook(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:id/ping',
    {
      config: { access: 'webhooks.manage' },
      schema: { tags, summary: 'Send a test event to this receiver', params: idParams, response: { 202: z.null() } },
    },
    async (request, reply) => {
      await pingWebhook(db(), changeContext(request), request.params.id);
      return reply.status(202).send(null);
    },
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { access: 'webhooks.manage' },
      schema: { tags, summary: 'Delivery log with every attempt, newest first', params: idParams, response: { 200: deliveryListSchema } },
    },
    async (request) => ({ items: await listDeliveries(db(), request.params.id) }),
  );

  app.post(
    '/api/webhook-deliveries/:id/redeliver',
    {
      config: { access: 'webhooks.manage' },
      schema: { tags, summary: 'Send a delivery again', params: idParams, response: { 202: z.null() } },
    },
    async (request, reply) => {
      await redeliver(db(), changeContext(request), request.params.id);
      return reply.status(202).send(null);
    },
  );
};
