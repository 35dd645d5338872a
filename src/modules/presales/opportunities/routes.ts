import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { opportunityActivityRoutes } from './activity-routes.js';
import { dealSupportRoutes } from './deal-support-routes.js';
import { opportunityCrudRoutes } from './opportunity-routes.js';

/** The presales opportunities area's routes (issue 16): opportunities, their timeline and demos, deal-support requests. */
export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(opportunityCrudRoutes);
  await app.register(opportunityActivityRoutes);
  await app.register(dealSupportRoutes);
};
