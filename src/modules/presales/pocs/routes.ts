import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The presales pocs area's routes (issue 16). */
// eslint-disable-next-line @typescript-eslint/require-await
export const pocRoutes: FastifyPluginAsyncZod = async () => {};
