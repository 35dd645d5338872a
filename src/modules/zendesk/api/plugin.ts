import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../../kernel/errors.js';
import { toAppError, type DbError } from '../../../kernel/http-errors.js';
import { zendeskError } from './http/zendesk-errors.js';
import { apiRateLimit, rateLimitHook } from './http/rate-limit.js';
import { ticketRoutes } from './tickets/routes.js';
import { peopleRoutes } from './people/routes.js';
import { searchRoutes } from './search/routes.js';

/**
 * The Zendesk-compatible API under /api/v2 (issue 18): Zendesk's paths (with or without `.json`,
 * see `stripJsonSuffix`), envelopes, numeric ids, paging, error bodies and rate limit, over
 * Outpost's own services and permissions — a token sees what its member may see.
 */
export const zendeskApiPlugin: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler((err: FastifyError & DbError, request, reply) => {
    const { status, body } = zendeskError(toAppError(err, request));
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler(async (request) => {
    throw errors.routeNotFound({ method: request.method, url: request.url.split('?')[0] });
  });
  app.addHook('onRequest', rateLimitHook(apiRateLimit()));

  await app.register(ticketRoutes);
  await app.register(peopleRoutes);
  await app.register(searchRoutes);
};
