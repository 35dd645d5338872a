import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales opportunities area's routes (issue 16). */
 
export const opportunityRoutes: FastifyPluginAsyncZod = async () => {};
