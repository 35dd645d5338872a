import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales library area's routes (issue 16). */
// eslint-disable-next-line @typescript-eslint/require-await
export const libraryRoutes: FastifyPluginAsyncZod = async () => {};
