import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamRoutes } from './members/member-routes.js';
import { timeEntryRoutes } from './time/time-entry-routes.js';

/** The team module's HTTP surface: members and their time entries. */
export const teamPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(teamRoutes);
  await app.register(timeEntryRoutes);
};
