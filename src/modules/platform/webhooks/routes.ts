import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { EVENT_TYPES } from '../../../kernel/domain-events.js';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, pingWebhook, redeliver, updateWebhook } from './webhook-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['webhooks'];
const url = z
  .url('Use a full http(s) URL')
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'Webhooks are delivered over http or https')
  .refine((u) => !/[\r\n]/.test(u), 'The URL cannot contain line breaks');
const eventTypes = z.array(z.enum([...EVENT_TYPES, '*'])).min(1, 'Subscribe to at least one event');

const webhookView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(['active', 'paused']),
  consecutiveFailures: z.number(),
  pausedReason: z.string().nullable(),
  createdAt: z.string(),
});
const deliveryView = z.object({
  id: z.string(),
  eventId: z.number(),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(z.object({ at: z.string(), statusCode: z.number().nullable(), durationMs: z.number(), error: z.string().nullable() })),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

/** Admin-defined webhook subscriptions, their delivery log, manual redelivery and a test ping. */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get('/api/webhooks', { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Webhook subscriptions', response: { 200: z.object({ items: z.array(webhookView), eventTypes: z.array(z.string()) }) } } }, async () => ({
    items: await listWebhooks(db()),
    eventTypes: [...EVENT_TYPES],
  }));

  app.post(
    '/api/webhooks',
    {
      config: { access: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the signing secret is returned only in this response',
        body: z.strictObject({ name: z.string().trim().min(1, 'Name the receiver').max(100), url, eventTypes }),
        response: { 201: z.object({ webhook: webhookView, secret: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createWebhook(db(), app.secretBox, changeContext(request), request.body)),
  );

  app.get('/api/webhooks/:id', { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'One subscription', params: idParams, response: { 200: webhookView } } }, async (request) =>
    getWebhook(db(), request.params.id),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      config: { access: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Change a subscription; status "active" resumes a paused one',
        params: idParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), url: url.optional(), eventTypes: eventTypes.optional(), status: z.enum(['active', 'paused']).optional() }),
        response: { 200: webhookView },
      },
    },
    async (request) => updateWebhook(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete('/api/webhooks/:id', { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Delete a subscription', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deleteWebhook(db(), changeContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/webhooks/:id/ping', { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Send a test event to this receiver', params: idParams, response: { 202: z.null() } } }, async (request, reply) => {
    await pingWebhook(db(), changeContext(request), request.params.id);
    return reply.status(202).send(null);
  });

  app.get(
    '/api/webhooks/:id/deliveries',
    { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Delivery log with every attempt, newest first', params: idParams, response: { 200: z.object({ items: z.array(deliveryView) }) } } },
    async (request) => ({ items: await listDeliveries(db(), request.params.id) }),
  );

  app.post(
    '/api/webhook-deliveries/:id/redeliver',
    { config: { access: 'webhooks.manage' }, schema: { tags, summary: 'Send a delivery again', params: idParams, response: { 202: z.null() } } },
    async (request, reply) => {
      await redeliver(db(), changeContext(request), request.params.id);
      return reply.status(202).send(null);
    },
  );
};
