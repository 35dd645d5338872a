import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const portalSuccessPlanRoutes: FastifyPluginAsyncZod = async () => {};
