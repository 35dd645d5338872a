import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamRoutes } from './members/member-routes.js';
import { profileRoutes } from './profile/profile-routes.js';
import { teamViewRoutes } from './view/team-view-routes.js';
import { timeEntryRoutes } from './time/time-entry-routes.js';
import { timesheetRoutes } from './time/timesheet-routes.js';

/** The team module's HTTP surface: members and their time entries. */
export const teamPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(teamRoutes);
  await app.register(teamViewRoutes);
  await app.register(timeEntryRoutes);
  await app.register(profileRoutes);
  await app.register(timesheetRoutes);
};
