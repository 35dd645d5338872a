import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../kernel/errors.js';
import type { RouteEntry } from '../roles/route-access.js';
import type { Actor } from '../../../kernel/actor.js';
import { resolveSession, resolveToken } from './auth-service.js';
import { apiPasswordAccessEnabled, resolveBasic } from './basic-auth.js';
import { resolvePortalSession } from '../portal-access/portal-auth-service.js';

export const SESSION_COOKIE = 'outpost_session';
export const PORTAL_COOKIE = 'outpost_portal';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The member or token behind a request's credentials, read afresh (long-lived streams re-check). */
export async function authenticate(request: FastifyRequest): Promise<Actor | null> {
  const { db } = request.server;
  const header = request.headers.authorization;
  if (header) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) return resolveToken(db.kysely, bearer[1]!);
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    return basic ? resolveBasic(db.kysely, basic[1]!, apiPasswordAccessEnabled()) : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(db.kysely, cookie) : null;
}

/**
 * Resolves the actor on every request and enforces each route's declared access before the body
 * is even parsed, so an anonymous caller gets 401 rather than a validation error.
 */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('contact', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    // Customer contacts and members never share a route: a portal route knows only the portal
    // cookie, and every other route ignores it.
    if (access === 'portal') {
      const cookie = request.cookies[PORTAL_COOKIE];
      request.contact = cookie ? await resolvePortalSession(request.server.db.kysely, cookie) : null;
      if (!request.contact) throw errors.unauthenticated();
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.contact.session.csrfToken)
        throw errors.csrfMissing();
      return;
    }
    request.actor = await authenticate(request);
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw errors.unauthenticated();
    // Cookies ride along on cross-site requests; the CSRF token in a header cannot.
    if (actor.session && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.session.csrfToken) throw errors.csrfMissing();
    }
    if (access !== 'signed_in' && !actor.permissions.has(access)) throw errors.forbidden(access);
  });
});
