import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const environmentRoutes: FastifyPluginAsyncZod = async () => {};
