import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** The hourly expiry of Idempotency-Key responses reads the keys older than a day by this index. */
export async function up(db: Kysely<unknown>, _t: DialectTypes): Promise<void> {
  await db.schema.createIndex('idempotency_keys_created_at').on('idempotency_keys').column('created_at').execute();
}
