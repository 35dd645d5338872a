import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales library area's routes (issue 16). */
 
export const libraryRoutes: FastifyPluginAsyncZod = async () => {};
