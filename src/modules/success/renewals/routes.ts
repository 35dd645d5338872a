import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const renewalRoutes: FastifyPluginAsyncZod = async () => {};
