import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Marks each event once it has been fanned out to webhook subscriptions. A watermark on the id
 * skipped events whose transaction committed after a later id's had (ids are taken at insert,
 * not at commit), so the fan-out now takes every event not yet marked.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('events').addColumn('fanned_out_at', t.timestamp).execute();
  await db.schema.createIndex('events_fanout').on('events').columns(['fanned_out_at', 'id']).execute();
}
