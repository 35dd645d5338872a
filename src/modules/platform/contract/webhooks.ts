import { z } from 'zod';
import { EVENT_TYPES } from '../../../kernel/contract/event-types.js';

const url = z
  .url('Use a full http(s) URL')
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'Webhooks are delivered over http or https')
  .refine((u) => !/[\r\n]/.test(u), 'The URL cannot contain line breaks');
const eventTypes = z.array(z.enum([...EVENT_TYPES, '*'])).min(1, 'Subscribe to at least one event');

export const WEBHOOK_STATUSES = ['active', 'paused'] as const;
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(WEBHOOK_STATUSES),
  consecutiveFailures: z.number(),
  pausedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = z.object({ items: z.array(webhookSchema), eventTypes: z.array(z.string()) });

export const deliveryAttemptSchema = z.object({
  at: z.string(),
  statusCode: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.number(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(deliveryAttemptSchema),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });

export const createWebhookBody = z.strictObject({ name: z.string().trim().min(1, 'Name the receiver').max(100), url, eventTypes });

/** Only the signing secret's one showing: it is never returned again. */
export const createdWebhookSchema = z.object({ webhook: webhookSchema, secret: z.string() });

export const updateWebhookBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: url.optional(),
  eventTypes: eventTypes.optional(),
  status: z.enum(WEBHOOK_STATUSES).optional(),
});
