import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales solutions area's routes (issue 16). */
 
export const solutionRoutes: FastifyPluginAsyncZod = async () => {};
