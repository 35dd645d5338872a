import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './sessions/auth-routes.js';
import { tokenRoutes } from './tokens/token-routes.js';

/**
 * The identity module's HTTP surface: sign-in, sessions and API tokens. Its request hooks (the auth
 * and security plugins) are registered by the server before any module, so they guard every route.
 */
export const identityPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes);
  await app.register(tokenRoutes);
};
