import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './routes.js';

/** The accounts module's HTTP surface: accounts, contacts, the account team and interactions. */
export const accountsPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(accountRoutes);
};
