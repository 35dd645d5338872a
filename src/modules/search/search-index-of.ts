import { PostgresAdapter, SqliteAdapter, type DialectAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DialectName } from '../../db/dialect.js';
import { postgresSearchIndex } from './postgres-index.js';
import type { SearchIndex } from './search-index.js';
import { sqliteSearchIndex } from './sqlite-index.js';

/** The adapter for a dialect. */
export function createSearchIndex(dialect: DialectName): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}

const chosen = new WeakMap<DialectAdapter, SearchIndex>();

/**
 * The adapter for a Kysely instance, decided once per database (transactions share their
 * database's dialect adapter, so the write path inside a transaction finds the same one).
 * Services receive a Kysely instance, not `Db`, so the dialect is read from it here, once.
 */
export function searchIndexOf(db: Kysely<Database>): SearchIndex {
  const adapter = db.getExecutor().adapter;
  let index = chosen.get(adapter);
  if (!index) {
    if (adapter instanceof PostgresAdapter) index = createSearchIndex('postgres');
    else if (adapter instanceof SqliteAdapter) index = createSearchIndex('sqlite');
    else throw new Error(`No search index for the database adapter ${adapter.constructor.name}`);
    chosen.set(adapter, index);
  }
  return index;
}
