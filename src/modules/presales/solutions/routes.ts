import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { designRoutes } from './designs/design-routes.js';
import { rateCardRoutes } from './rate-card/rate-card-routes.js';
import { requirementRoutes } from './requirements/requirement-routes.js';
import { sowRoutes } from './sow/sow-routes.js';

/** The presales solutions area's routes (issue 16): requirements, solution designs, the rate card, statements of work. */
export const solutionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(requirementRoutes);
  await app.register(designRoutes);
  await app.register(rateCardRoutes);
  await app.register(sowRoutes);
};
