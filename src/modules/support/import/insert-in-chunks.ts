import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Multi-row inserts kept under both databases' limits on bound values (SQLite's default is 32,766
 * a statement, PostgreSQL's 65,535): one statement per few thousand values, not one per row.
 */
const MAX_VALUES = 16_000;

export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (!rows.length) return;
  const perRow = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(MAX_VALUES / perRow));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot narrow a generic table's row type; the caller's rows are typed by `T`.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
