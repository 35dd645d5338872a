import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { engagementRoutes } from './engagements/routes.js';
import { environmentRoutes } from './environments/routes.js';
import { deliveryRecordRoutes } from './records/routes.js';
import { engagementExportRoutes } from './engagements/engagement-export-routes.js';
import { environmentExportRoutes } from './environments/environment-export-routes.js';

/**
 * The delivery module's HTTP surface (issue 5): engagements and their plans; customer
 * environments, releases and upgrade campaigns; status reports, POC criteria, training and field visits.
 */
export const deliveryPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(engagementRoutes);
  await app.register(environmentRoutes);
  await app.register(deliveryRecordRoutes);
  await app.register(engagementExportRoutes);
  await app.register(environmentExportRoutes);
};
