import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zendeskApiPlugin } from './api/plugin.js';
import { importRunRoutes } from './import/import-routes.js';

/** The zendesk module: the Zendesk-compatible API and the importer's screens. */
export const zendeskPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(zendeskApiPlugin, { prefix: '/api/v2' });
  await app.register(importRunRoutes);
};
