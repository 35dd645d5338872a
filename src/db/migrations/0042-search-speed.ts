import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 19, PostgreSQL search at a million tickets (SQLite's FTS5 table carries the same facets as
 * words since 0015, so it needs nothing here).
 *
 * - One GIN index on `document` per document type, partial on `doc_type`. The facet counts ask
 *   "how many messages match" for each type; with one index over every type the planner either
 *   visited every match's row to read its type or intersected the matches with every row of the
 *   type in `search_documents_key` (at 100k tickets, 395k message entries read for a count of 1,001:
 *   40–90 ms of a search). A type's own index answers with that type's matches only. The queries
 *   name the type as a plain value, which the planner matches to the index's condition.
 * - A short pending list on every search GIN index (256 kB instead of 4 MB). New entries wait in
 *   the list until a vacuum or a full list merges them, and every search reads the whole list: a
 *   list left by a day's writes took a search's index scan from 2 ms to 12 ms at 100k tickets.
 *   A write that fills the shorter list merges it, a few milliseconds every few hundred writes.
 */
// The types of the day, written out: a migration does what it did when it ran (a later type gets its index in its own migration).
const DOCUMENT_TYPES = ['ticket', 'message', 'contact', 'account', 'article', 'collateral'];

export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'postgres') return;
  const pendingList = sql.raw('gin_pending_list_limit = 256');
  await sql`alter index search_documents_document set (${pendingList})`.execute(db);
  for (const type of DOCUMENT_TYPES) {
    await sql`create index ${sql.ref(`search_documents_document_${type}`)} on search_documents using gin (document)
      with (${pendingList}) where doc_type = ${sql.lit(type)}`.execute(db);
  }
}
