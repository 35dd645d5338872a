import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchRoutes } from './routes.js';

/** The search module's HTTP surface: one full-text search over every module's documents. */
export const searchPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(searchRoutes);
};
