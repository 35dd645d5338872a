import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignRoutes } from './campaign-routes.js';
import { environmentRegistryRoutes } from './environment-routes.js';
import { releaseRoutes } from './release-routes.js';

/** Customer environments, the release catalogue and upgrade campaigns (issue 5). */
export const environmentRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(releaseRoutes);
  await app.register(environmentRegistryRoutes);
  await app.register(campaignRoutes);
};
