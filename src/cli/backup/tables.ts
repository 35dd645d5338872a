import { sql, type QueryExecutorProvider } from 'kysely';
import type { DialectName } from '../../db/dialect.js';

/**
 * What a backup archive holds besides the data: enough to check a restore against (row counts)
 * and to refuse an archive this version cannot read (format).
 */
export interface BackupManifest {
  format: 1;
  dialect: DialectName;
  createdAt: string;
  /** PostgreSQL: the schema that was dumped, and that the restore re-creates. */
  schema?: string;
  /** The database file inside the archive: `database.sqlite` or `database.pgdump`. */
  database: string;
  /** Migrations applied when the backup was taken; a restore applies the newer ones. */
  migrations: string[];
  tables: Record<string, number>;
  files: Record<string, number>;
}

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 1;
/** Folders under OUTPOST_DATA_DIR that travel with the database (an attachment row needs its file). */
export const DATA_FOLDERS = ['attachments', 'raw-mail'] as const;

/** Every table of the current schema (SQLite: the database), in name order. */
export async function listTables(db: QueryExecutorProvider, dialect: DialectName): Promise<string[]> {
  const result =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
          db,
        );
  return result.rows.map((r) => r.name);
}

/** The row count of every table, as the manifest records it and a restore is checked against. */
export async function tableCounts(db: QueryExecutorProvider, dialect: DialectName): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await listTables(db, dialect)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(name)}`.execute(db);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Rows a freshly migrated database already has (migration bookkeeping, the shared queues, the
 * search index's own tables); rows anywhere else mean the target holds a workspace.
 */
function isBookkeeping(table: string): boolean {
  return table.startsWith('kysely_migration') || table.startsWith('search_fts') || table === 'ticket_views';
}

/** The tables of a would-be restore target that hold workspace rows (empty when it is safe to restore into). */
export async function occupiedTables(db: QueryExecutorProvider, dialect: DialectName): Promise<string[]> {
  const counts = await tableCounts(db, dialect);
  return Object.entries(counts)
    .filter(([table, n]) => n > 0 && !isBookkeeping(table))
    .map(([table]) => table);
}

/** The names of the migrations applied, empty before the first. */
export async function appliedMigrations(db: QueryExecutorProvider, dialect: DialectName): Promise<string[]> {
  if (!(await listTables(db, dialect)).includes('kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
