import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * How long a stored response is replayed for an `Idempotency-Key`: a day, as payment APIs keep
 * theirs. A client retries within minutes; after a day the same key starts a new request, and
 * the table holds about a day of writes instead of every POST ever made.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** How often expired keys are deleted; a key lives at most this long past its day. */
export const IDEMPOTENCY_EXPIRY_PASS_MS = 60 * 60 * 1000;

/** Deletes the keys older than the TTL; returns how many went. */
export async function expireIdempotencyKeys(db: Kysely<Database>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
