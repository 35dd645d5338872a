import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const portalBusinessReviewRoutes: FastifyPluginAsyncZod = async () => {};
