import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** How often ended windows are deleted. */
export const RATE_LIMIT_EXPIRY_PASS_MS = 60 * 60 * 1000;

/**
 * Counts one attempt under `key` in a window of `windowMs`: one upsert, so two nodes counting at
 * once never lose an attempt. A key whose window has ended starts a new one at 1. Returns the
 * attempts in the window so far and the milliseconds left in it.
 */
export async function countAttempt(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now = new Date(),
): Promise<{ current: number; ttl: number }> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, count: 1, expires_at: until })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limit_counters.expires_at <= ${at} then 1 else rate_limit_counters.count + 1 end`,
        expires_at: sql`case when rate_limit_counters.expires_at <= ${at} then ${until} else rate_limit_counters.expires_at end`,
      }),
    )
    .returning(['count', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, Date.parse(row.expires_at) - now.getTime()) };
}

/** Deletes the counters whose window has ended; returns how many went. */
export async function deleteEndedRateLimitWindows(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counters').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

type IncrCallback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database. Its default store is
 * one process's memory, so each node behind a load balancer counted on its own and three nodes
 * allowed three times the sign-in attempts. The plugin constructs the store itself, hence a class
 * made for the database.
 */
export function databaseRateLimitStore(db: Kysely<Database>) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }

    // The plugin passes the route's window as a third argument, which its typings leave out.
    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      countAttempt(db, this.prefix + key, timeWindow ?? 60_000).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    /** A route's own counters: its method and path go in front of its keys. */
    child(routeOptions: object): DatabaseRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method: string; url: string } }).routeInfo;
      return new DatabaseRateLimitStore(routeOptions, route ? `${route.method} ${route.url}|` : this.prefix);
    }
  };
}

/** The attempts counted under `key` in its current window, without counting one more. */
export async function currentAttempts(db: Kysely<Database>, key: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('rate_limit_counters')
    .select('count')
    .where('key', '=', key)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
