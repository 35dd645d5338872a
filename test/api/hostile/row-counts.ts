/**
 * Row counts of every table in one query, so the hostile-input test can check that a refused
 * request wrote nothing without paying a round trip per table.
 */
import { sql } from 'kysely';
import type { Db } from '../../../src/db/connect.js';

export type RowCounts = Map<string, number>;

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db.kysely)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db.kysely);
  return rows.rows.map((r) => r.name).sort();
}

/** A function that snapshots the row count of every table of the database. */
export async function rowCounter(db: Db): Promise<() => Promise<RowCounts>> {
  const names = await tableNames(db);
  const query = sql<{ t: string; n: number | string }>`${sql.join(
    names.map((name) => sql`select ${sql.lit(name)} as t, count(*) as n from ${sql.table(name)}`),
    sql` union all `,
  )}`;
  return async () => new Map((await query.execute(db.kysely)).rows.map((r) => [r.t, Number(r.n)]));
}

/** The tables whose count differs, as `table: before → after`. */
export function changed(before: RowCounts, after: RowCounts, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [table, n] of after) {
    if (allowed.has(table)) continue;
    if ((before.get(table) ?? 0) !== n) out.push(`${table}: ${before.get(table) ?? 0} → ${n}`);
  }
  return out;
}
