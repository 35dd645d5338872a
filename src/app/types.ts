import type { Db } from '../db/connect.js';
import type { Actor } from '../kernel/actor.js';
import type { PortalContact } from '../modules/identity/portal-access/portal-auth-service.js';
import type { Permission } from '../modules/identity/roles/roles.js';
import type { Config } from './config.js';
import type { SecretBox } from '../modules/platform/webhooks/secret-box.js';

/**
 * Who may call a route: anyone (`public`), any signed-in member or token (`signed_in`), a holder
 * of one permission, or a customer contact signed in to the portal (`portal`). Every /api route
 * must declare it; the server refuses to start a
 * route that does not, so no route can escape the permission check.
 */
export type RouteAccess = 'public' | 'signed_in' | 'portal' | Permission;

/** One API route and its declared access, for tests that must cover every route. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    routeTable: RouteEntry[];
    secretBox: SecretBox;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in customer contact, on portal routes only. */
    contact: PortalContact | null;
    idempotency: { key: string; principal: string; route: string; requestHash: string } | null;
  }
}
