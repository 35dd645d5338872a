import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Status reports: generate, edit, send (filled in once the engagement service has landed). */
export const statusReportRoutes: FastifyPluginAsyncZod = async () => {};
