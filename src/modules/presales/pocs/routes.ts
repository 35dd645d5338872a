import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales pocs area's routes (issue 16). */
 
export const pocRoutes: FastifyPluginAsyncZod = async () => {};
