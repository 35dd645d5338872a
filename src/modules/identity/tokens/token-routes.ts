import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { createToken, listTokens, revokeToken } from '../sessions/auth-service.js';
import { apiTokenListSchema, apiTokenSchema, createTokenBody, createdTokenSchema } from '../contract/tokens.js';
import { tokenCreationRateLimit } from '../sign-in-limits/security-plugin.js';

/** API tokens for integrations: created by admins, shown once, stored hashed, scoped. */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: { tags: ['tokens'], summary: 'List API tokens', response: { 200: apiTokenListSchema } },
    },
    async () => ({ items: await listTokens(app.db.kysely) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'tokens.manage', rateLimit: tokenCreationRateLimit },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is returned only in this response',
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await createToken(app.db.kysely, actorOf(request), changeContext(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/tokens/:id/revoke',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: apiTokenSchema },
      },
    },
    async (request) => revokeToken(app.db.kysely, changeContext(request), request.params.id),
  );
};
