import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const deliveryRecordRoutes: FastifyPluginAsyncZod = async () => {};
