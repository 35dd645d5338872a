import type { Db } from '../db/connect.js';
import type { Actor } from '../kernel/actor.js';
import type { PortalContact } from '../modules/identity/index.js';
import type { RouteAccess, RouteEntry } from '../modules/identity/index.js';
import type { Config } from './config.js';
import type { SecretBox } from '../modules/platform/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The limit of a route's raw (non-JSON) body, set where its content-type parser has its own, for the 413's message. */
    rawBodyLimitBytes?: number;
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
