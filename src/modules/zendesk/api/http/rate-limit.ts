import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, countAttempt } from '../../../identity/index.js';
import { errors } from '../../../../kernel/errors.js';

/**
 * Zendesk's API rate limit: requests per minute per caller, answered with 429 and `Retry-After`
 * (seconds) past it, and `X-Rate-Limit` / `X-Rate-Limit-Remaining` on every answer so clients can
 * pace themselves. Counted in the database (identity's counters), so every node sees the same
 * count. OUTPOST_API_RATE_LIMIT sets the limit (default 700, Zendesk's Enterprise plan).
 */
export function apiRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  const limit = Number(env.OUTPOST_API_RATE_LIMIT ?? 700);
  return Number.isFinite(limit) && limit > 0 ? limit : 700;
}

const WINDOW_MS = 60_000;

export function rateLimitHook(limit: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Routes resolve the caller before this hook; an unknown path does not, so resolve it here.
    const actor = request.actor ?? (request.headers.authorization ? await authenticate(request) : null);
    const who = actor ? (actor.tokenId ?? actor.memberId) : request.ip;
    const { current, ttl } = await countAttempt(request.server.db.kysely, `api-v2|${who}`, WINDOW_MS);
    void reply.header('X-Rate-Limit', String(limit));
    void reply.header('X-Rate-Limit-Remaining', String(Math.max(0, limit - current)));
    if (current > limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(ttl / 1000));
      void reply.header('Retry-After', String(retryAfterSeconds));
      throw errors.rateLimited({ retryAfterSeconds });
    }
  };
}
