import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from './clock.js';

/** Reads a JSON setting, or the fallback when it was never set. */
export async function readSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  const at = nowIso();
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
    .execute();
}

/**
 * Stores `value` under `key` unless the key is already set, and returns what is stored. The first
 * writer wins when two callers set up the same setting at once (a generated secret, say), where
 * writeSetting would let the second overwrite what the first has already used.
 */
export async function initSetting<T>(db: Kysely<Database>, key: string, value: T): Promise<T> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return readSetting<T>(db, key, value);
}
