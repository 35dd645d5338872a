import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const playbookRoutes: FastifyPluginAsyncZod = async () => {};
