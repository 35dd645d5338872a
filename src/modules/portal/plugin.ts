import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { portalRoutes } from './portal-routes.js';

/** The customer portal's HTTP surface: contacts' sign-in and their own account's data. */
export const portalPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(portalRoutes);
};
