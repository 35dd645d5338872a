import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales collateral area's routes (issue 16). */
 
export const collateralRoutes: FastifyPluginAsyncZod = async () => {};
