import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const engagementRoutes: FastifyPluginAsyncZod = async () => {};
