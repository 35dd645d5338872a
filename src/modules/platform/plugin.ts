import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit-routes.js';
import { auditExportRoutes } from './audit/audit-export-routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { realtimeRoutes, type RealtimeOptions } from './realtime/routes.js';
import { systemRoutes } from './system/system-routes.js';
import { webhookRoutes } from './webhooks/routes.js';

/** The platform module's HTTP surface: health and metrics, the audit log, webhooks, live events and members' notifications. */
export const platformPlugin: FastifyPluginAsyncZod<RealtimeOptions> = async (app, options) => {
  await app.register(systemRoutes);
  await app.register(auditRoutes);
  await app.register(auditExportRoutes);
  await app.register(webhookRoutes);
  await app.register(realtimeRoutes, options);
  await app.register(notificationRoutes);
};
