import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { createToken, listTokens, revokeToken } from '../sessions/auth-service.js';
import { PERMISSIONS } from '../roles/roles.js';
import { tokenCreationRateLimit } from '../sign-in-limits/security-plugin.js';

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** API tokens for integrations: created by admins, shown once, stored hashed, scoped. */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tokens',
    { config: { access: 'tokens.manage' }, schema: { tags: ['tokens'], summary: 'List API tokens', response: { 200: z.object({ items: z.array(tokenView) }) } } },
    async () => ({ items: await listTokens(app.db.kysely) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'tokens.manage', rateLimit: tokenCreationRateLimit },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is returned only in this response',
        body: z.strictObject({
          name: z.string().trim().min(1, 'Name the token after the integration that uses it').max(100),
          scopes: z.array(z.enum(PERMISSIONS)).min(1, 'Give the token at least one scope'),
        }),
        response: { 201: z.object({ token: z.string(), apiToken: tokenView }) },
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
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: z.object({ id: z.string().max(64) }), response: { 200: tokenView } },
    },
    async (request) => revokeToken(app.db.kysely, changeContext(request), request.params.id),
  );
};
