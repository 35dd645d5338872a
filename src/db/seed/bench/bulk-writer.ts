import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { DialectName } from '../../dialect.js';
import type { CopySink } from './copy-writer.js';

type TableName = keyof Database & string;

// PostgreSQL takes at most 65,535 bind parameters per statement, SQLite (3.32+) 32,766.
const MAX_PARAMS: Record<DialectName, number> = { postgres: 60_000, sqlite: 30_000 };
const MAX_ROWS = 500;

/**
 * Multi-row inserts: each table's rows go in as few statements as the dialect's parameter limit
 * allows. Rows are the exact column objects the services insert; nothing is transformed here.
 *
 * Given a COPY sink (PostgreSQL), the same rows go through COPY instead, on the sink's own
 * connection: they are committed at once, outside `db`'s transaction.
 */
export class BulkWriter {
  rowsWritten = 0;

  constructor(
    private readonly dialect: DialectName,
    private readonly copySink?: CopySink,
  ) {}

  async insert<T extends TableName>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.copySink) {
      await this.copySink.copy(table, rows as readonly object[]);
      this.rowsWritten += rows.length;
      return;
    }
    const columns = Object.keys(rows[0] as object).length;
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS[this.dialect] / columns)));
    for (let i = 0; i < rows.length; i += perStatement) {
      await db
        .insertInto(table)
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by their producer; the table name is generic here
        .values(rows.slice(i, i + perStatement) as any)
        .execute();
    }
    this.rowsWritten += rows.length;
  }

  async close(): Promise<void> {
    await this.copySink?.close();
  }
}

/**
 * SQLite only, during the load: no fsync per commit and a larger page cache. A crash mid-load
 * leaves a database to throw away, which a generated dataset is anyway.
 */
export async function relaxDurability(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma cache_size = -262144`.execute(db);
}

export async function restoreDurability(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') {
    await sql`analyze`.execute(db);
    return;
  }
  await sql`pragma synchronous = normal`.execute(db);
  await sql`pragma cache_size = -2000`.execute(db);
  // Fresh statistics, so the planner picks the queue indexes on a table it has never seen grow.
  await sql`analyze`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
