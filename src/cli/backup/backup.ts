import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import * as tar from 'tar';
import { connect, isPostgresUrl } from '../../db/connect.js';
import { runPgTool } from './pg-tools.js';
import { appliedMigrations, DATA_FOLDERS, MANIFEST_FILE, MANIFEST_FORMAT, tableCounts, type BackupManifest } from './tables.js';

/** Reports a long step: the CLI passes its progress bar; tests pass nothing. */
export type Progress = (label: string) => { update(done: number, total: number): void; stop(): void };

export const quietProgress: Progress = () => ({ update() {}, stop() {} });

export interface BackupOptions {
  databaseUrl: string;
  dataDir: string;
  /** A file, or an existing folder (or one ending in `/`) to put a dated archive in. */
  out: string;
  /** PostgreSQL: the schema to dump; the connection's current schema (normally `public`) when left out. */
  schema?: string;
  progress?: Progress;
  /** The environment of pg_dump (its PATH); this process's by default. */
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
}

/**
 * Writes one .tar.gz holding a consistent snapshot of the database, the data folders that belong
 * to it and a manifest. Safe while the server runs: SQLite is copied with its online backup API
 * (a read snapshot, writers carry on), PostgreSQL with pg_dump.
 */
export async function backupWorkspace(options: BackupOptions): Promise<BackupResult> {
  const progress = options.progress ?? quietProgress;
  const now = options.now ?? new Date();
  const file = archivePath(options.out, now);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-'));
  const partial = `${file}.partial`;
  try {
    const database = isPostgresUrl(options.databaseUrl)
      ? await dumpPostgres(options, staging)
      : await snapshotSqlite(options.databaseUrl, staging, progress);
    const files: Record<string, number> = {};
    const entries = [MANIFEST_FILE, database.file];
    for (const folder of DATA_FOLDERS) {
      const source = path.join(options.dataDir, folder);
      if (!fs.existsSync(source)) continue;
      files[folder] = countFiles(source);
      // The archive is packed from the staging folder; links stand in for the data folders and
      // are followed, so the archive holds the files themselves.
      fs.symlinkSync(source, path.join(staging, folder), 'dir');
      entries.push(folder);
    }
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      dialect: isPostgresUrl(options.databaseUrl) ? 'postgres' : 'sqlite',
      createdAt: now.toISOString(),
      ...(database.schema ? { schema: database.schema } : {}),
      database: database.file,
      migrations: database.migrations,
      tables: database.tables,
      files,
    };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');

    const totalFiles = Object.values(files).reduce((a, b) => a + b, 0);
    const bar = progress('Packing files');
    let packed = 0;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await tar.c(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        follow: true,
        portable: true,
        filter: (_entry, stat) => {
          if ('isFile' in stat && stat.isFile()) bar.update(Math.min(++packed, totalFiles + 2), totalFiles + 2);
          return true;
        },
      },
      entries,
    );
    bar.stop();
    // Renamed only when complete, so a failed run never leaves an archive that looks whole.
    fs.renameSync(partial, file);
    return { file, manifest, bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function archivePath(out: string, now: Date): string {
  const resolved = path.resolve(out);
  const isFolder = out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  if (!isFolder) return resolved;
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return path.join(resolved, `outpost-backup-${stamp}.tar.gz`);
}

function countFiles(folder: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}

interface DatabaseCopy {
  file: string;
  schema?: string;
  migrations: string[];
  tables: Record<string, number>;
}

function sqliteFile(url: string): string {
  return path.resolve(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url);
}

/**
 * SQLite's backup API copies the pages under a read transaction; in WAL mode that never blocks the
 * server's writes. Steps of 256 pages keep the progress bar moving; but a write from another
 * connection between steps makes SQLite start the copy over, so once that is seen the rest is
 * taken in one step (one read snapshot) and a busy server cannot keep the backup restarting.
 */
async function snapshotSqlite(url: string, staging: string, progress: Progress): Promise<DatabaseCopy> {
  const source = sqliteFile(url);
  if (url === ':memory:' || !fs.existsSync(source)) throw new Error(`There is no SQLite database at ${source} (DATABASE_URL).`);
  const target = path.join(staging, 'database.sqlite');
  const db = new SQLite(source, { fileMustExist: true });
  const bar = progress('Copying database');
  try {
    db.pragma('busy_timeout = 5000');
    let lastRemaining = Number.POSITIVE_INFINITY;
    await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        bar.update(totalPages - remainingPages, totalPages);
        // No progress since the last step: SQLite started the copy over.
        const restarted = remainingPages >= lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? totalPages : 256;
      },
    });
  } finally {
    bar.stop();
    db.close();
  }
  // The copy is one self-contained file (no write-ahead log beside it), counted for the manifest.
  const copy = new SQLite(target);
  copy.pragma('journal_mode = DELETE');
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: copy }) });
  try {
    return { file: 'database.sqlite', migrations: await appliedMigrations(kysely, 'sqlite'), tables: await tableCounts(kysely, 'sqlite') };
  } finally {
    await kysely.destroy();
  }
}

/**
 * pg_dump of one schema (the workspace's; pg-boss keeps only transient job state in its own and
 * re-creates it). The row counts are read in a transaction whose snapshot pg_dump is given, so the
 * manifest describes exactly the rows in the dump even while the server writes.
 */
async function dumpPostgres(options: BackupOptions, staging: string): Promise<DatabaseCopy> {
  const db = connect(options.databaseUrl, { poolSize: 1, ...(options.schema ? { searchPath: options.schema } : {}) });
  const progress = (options.progress ?? quietProgress)('Dumping PostgreSQL');
  try {
    return await db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const { rows } = await sql<{
          snapshot: string;
          schema: string;
        }>`select pg_export_snapshot() as snapshot, current_schema() as schema`.execute(trx);
        const { snapshot, schema } = rows[0]!;
        const tables = await tableCounts(trx, 'postgres');
        const migrations = await appliedMigrations(trx, 'postgres');
        progress.update(0, 1);
        const file = 'database.pgdump';
        await runPgTool(
          'pg_dump',
          [
            '--format=custom',
            `--snapshot=${snapshot}`,
            `--schema=${schema}`,
            '--no-owner',
            `--file=${path.join(staging, file)}`,
            `--dbname=${options.databaseUrl}`,
          ],
          options.env,
        );
        progress.update(1, 1);
        return { file, schema, migrations, tables };
      });
  } finally {
    progress.stop();
    await db.close();
  }
}
