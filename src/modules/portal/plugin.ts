import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { portalRoutes } from './portal-routes.js';
import { portalSuccessPlanRoutes } from './portal-success-plans-routes.js';
import { portalBusinessReviewRoutes } from './portal-business-reviews-routes.js';

/** The customer portal's HTTP surface: contacts' sign-in and their own account's data. */
export const portalPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(portalRoutes);
  await app.register(portalSuccessPlanRoutes);
  await app.register(portalBusinessReviewRoutes);
};
