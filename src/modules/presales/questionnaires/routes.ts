import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales questionnaires area's routes (issue 16). */
 
export const questionnaireRoutes: FastifyPluginAsyncZod = async () => {};
