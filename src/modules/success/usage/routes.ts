import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const usageRoutes: FastifyPluginAsyncZod = async () => {};
