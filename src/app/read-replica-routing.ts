import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formatLsn, parseLsnOrNull } from '../db/replicas/lsn.js';
import { runWithReadRouting, type RequestReadRouting } from '../db/replicas/read-routing-context.js';
import { WRITTEN_POSITION_TTL_MS, type ReadRouting } from '../db/replicas/read-routing.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A GET route whose reads must see the primary (read replicas, `DATABASE_READ_URL`). */
    primaryReads?: boolean;
  }
}

/** Carries the WAL position of a browser's last write to whichever node serves its next read. */
export const LSN_COOKIE = 'outpost_lsn';
const LSN_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LSN_COOKIE}=([0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8})(?:;|$)`);
const READ_METHODS = new Set(['GET', 'HEAD']);
// The event stream lives for hours and must not miss what commits; readiness is the primary's.
const PRIMARY_ROUTES = new Set(['/api/events/stream', '/readyz', '/healthz', '/metrics']);

/**
 * Marks each request read-only (GET/HEAD, except the routes above and those with
 * `config.primaryReads`) or not, for the routing driver (src/db/replicas/), and gives each
 * principal read-your-writes: after a request that wrote, the primary's WAL position goes into
 * the `outpost_lsn` cookie and this node's per-principal map; a later read-only request of that
 * principal reads from a replica only once it has replayed that position, else from the primary.
 *
 * Primary rather than waiting for the replica: a wait adds latency to exactly the requests that
 * follow a write (the ones a person is watching), and a replica far behind or paused would stall
 * them until a timeout; the primary answers at once, and the extra reads it takes are only those
 * of people who wrote in the last moments.
 */
export const readReplicaRouting = fp<{ routing: ReadRouting; secureCookies: boolean }>(async (app, { routing, secureCookies }) => {
  const routingOf = new WeakMap<FastifyRequest, RequestReadRouting>();

  app.addHook('onRequest', (request, _reply, done) => {
    const config = request.routeOptions.config;
    const readOnly =
      READ_METHODS.has(request.method) && !PRIMARY_ROUTES.has(request.routeOptions.url ?? '') && config?.primaryReads !== true;
    const cookieLsn = parseLsnOrNull(LSN_COOKIE_PATTERN.exec(request.headers.cookie ?? '')?.[1]);
    const state: RequestReadRouting = { readOnly, minLsn: cookieLsn ?? 0n, wrote: false };
    routingOf.set(request, state);
    // Every later hook and the handler run inside this context (authentication's reads included).
    runWithReadRouting(state, done);
  });

  // Once authentication has named the principal, its writes on this node count too. The context
  // is entered again because reading a body loses it (stream events start a new async chain).
  app.addHook('preValidation', (request, _reply, done) => {
    const state = routingOf.get(request);
    if (!state) return done();
    const principal = principalOf(request);
    const written = principal ? routing.lastWriteOf(principal) : null;
    if (written !== null && written > state.minLsn) state.minLsn = written;
    runWithReadRouting(state, done);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const state = routingOf.get(request);
    if (!state || (READ_METHODS.has(request.method) && !state.wrote) || request.method === 'OPTIONS') return payload;
    // Without a position the next read may be served stale, which is what a replica-less read
    // after a failed primary would risk anyway: never fail the answer for it.
    const lsn = await routing.primaryWritePosition().catch(() => null);
    if (lsn === null) return payload;
    const principal = principalOf(request);
    if (principal) routing.rememberWrite(principal, lsn);
    const maxAge = Math.round(WRITTEN_POSITION_TTL_MS / 1000);
    reply.header(
      'set-cookie',
      `${LSN_COOKIE}=${formatLsn(lsn)}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? '; Secure' : ''}`,
    );
    return payload;
  });
});

/** Who wrote: the member (any of their sessions), the API token, or the portal contact. */
function principalOf(request: FastifyRequest): string | null {
  if (request.contact) return `contact:${request.contact.contactId}`;
  const actor = request.actor;
  if (!actor) return null;
  return actor.type === 'token' && actor.tokenId ? `token:${actor.tokenId}` : `member:${actor.memberId}`;
}
