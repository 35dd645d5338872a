import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Rate-limit counters (sign-in, token creation) in the database, so that every node behind a load
 * balancer counts the same attempts. A row is one key's current window.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_expires').on('rate_limit_counters').column('expires_at').execute();
}
