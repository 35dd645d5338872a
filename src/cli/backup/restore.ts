import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import * as tar from 'tar';
import { connect, isPostgresUrl, type Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { quietProgress, type Progress } from './backup.js';
import { runPgTool } from './pg-tools.js';
import { DATA_FOLDERS, MANIFEST_FILE, MANIFEST_FORMAT, occupiedTables, tableCounts, type BackupManifest } from './tables.js';

export interface RestoreOptions {
  archive: string;
  databaseUrl: string;
  dataDir: string;
  /** Replace a target that already holds a workspace. */
  force?: boolean;
  progress?: Progress;
  /** The environment of pg_restore (its PATH); this process's by default. */
  env?: NodeJS.ProcessEnv;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after the restore. */
  applied: string[];
  tables: Record<string, number>;
  /** Tables whose row count differs from the manifest (expected only when migrations were applied). */
  mismatches: string[];
}

/** A restore that would overwrite a workspace without --force. */
export class TargetNotEmptyError extends Error {}

/**
 * Puts a backup archive's database and data folders in place and brings the schema up to date.
 * SQLite: the file is replaced, so the server must be stopped. PostgreSQL: pg_restore into the
 * archive's schema of DATABASE_URL.
 */
export async function restoreWorkspace(options: RestoreOptions): Promise<RestoreResult> {
  const progress = options.progress ?? quietProgress;
  const archive = path.resolve(options.archive);
  if (!fs.existsSync(archive)) throw new Error(`There is no backup archive at ${archive}.`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  // Unpacked beside the data folders, so they are moved into place rather than copied.
  const staging = fs.mkdtempSync(path.join(options.dataDir, '.restore-'));
  try {
    await tar.x({ file: archive, cwd: staging, filter: (p) => p === MANIFEST_FILE });
    const manifest = readManifest(staging);
    const dialect = isPostgresUrl(options.databaseUrl) ? 'postgres' : 'sqlite';
    if (manifest.dialect !== dialect) {
      throw new Error(`This archive holds a ${manifest.dialect} database, but DATABASE_URL names a ${dialect} one.`);
    }
    await refuseOccupiedTarget(options, manifest);

    const total = Object.values(manifest.files).reduce((a, b) => a + b, 0) + 2;
    const bar = progress('Unpacking');
    let unpacked = 0;
    await tar.x({ file: archive, cwd: staging, onReadEntry: () => bar.update(Math.min(++unpacked, total), total) });
    bar.stop();

    if (dialect === 'sqlite') replaceSqliteFile(options.databaseUrl, path.join(staging, manifest.database));
    else await restorePostgres(options, manifest, path.join(staging, manifest.database));

    for (const folder of DATA_FOLDERS) {
      const target = path.join(options.dataDir, folder);
      fs.rmSync(target, { recursive: true, force: true });
      const unpackedFolder = path.join(staging, folder);
      if (fs.existsSync(unpackedFolder)) fs.renameSync(unpackedFolder, target);
    }

    const db = openTarget(options.databaseUrl, manifest);
    try {
      const applied = await migrateToLatest(db);
      const tables = await tableCounts(db.kysely, dialect);
      const mismatches = Object.keys({ ...manifest.tables, ...tables }).filter((t) => manifest.tables[t] !== tables[t]);
      return { manifest, applied, tables, mismatches };
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(staging: string): BackupManifest {
  const file = path.join(staging, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error('This file is not an Outpost backup: it has no manifest.json.');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new Error(`This backup has format ${String(manifest.format)}; this version of Outpost reads format ${MANIFEST_FORMAT}.`);
  }
  return manifest;
}

function openTarget(url: string, manifest: BackupManifest): Db {
  return connect(url, manifest.schema && manifest.schema !== 'public' ? { searchPath: manifest.schema } : {});
}

function sqliteFile(url: string): string {
  return path.resolve(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url);
}

/** Refuses, unless forced, a target database with workspace rows or data folders with files. */
async function refuseOccupiedTarget(options: RestoreOptions, manifest: BackupManifest): Promise<void> {
  if (options.force) return;
  const occupied: string[] = [];
  if (manifest.dialect === 'sqlite') {
    const file = sqliteFile(options.databaseUrl);
    if (fs.existsSync(file)) {
      const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }) });
      try {
        occupied.push(...(await occupiedTables(kysely, 'sqlite')));
      } finally {
        await kysely.destroy();
      }
    }
  } else {
    const db = openTarget(options.databaseUrl, manifest);
    try {
      occupied.push(...(await occupiedTables(db.kysely, 'postgres')));
    } finally {
      await db.close();
    }
  }
  for (const folder of DATA_FOLDERS) {
    const dir = path.join(options.dataDir, folder);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) occupied.push(`${dir}/`);
  }
  if (occupied.length > 0) {
    const shown = occupied.slice(0, 5).join(', ') + (occupied.length > 5 ? ` and ${occupied.length - 5} more` : '');
    throw new TargetNotEmptyError(
      `The restore target is not empty (${shown} hold data). Restoring would replace it; run again with --force to do so.`,
    );
  }
}

/** The file is replaced whole, with its write-ahead log and shared-memory files (the server is stopped). */
function replaceSqliteFile(url: string, snapshot: string): void {
  const file = sqliteFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['-wal', '-shm', '']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(snapshot, file);
}

/**
 * The archive's schema is dropped first (a forced restore replaces it whole, including tables a
 * newer version added since the backup), then pg_restore re-creates it; `--clean --if-exists`
 * keeps pg_restore itself safe on a target that has some of the objects.
 */
async function restorePostgres(options: RestoreOptions, manifest: BackupManifest, dump: string): Promise<void> {
  const schema = manifest.schema ?? 'public';
  // Nothing is dropped before it is certain that pg_restore can put it back.
  await runPgTool('pg_restore', ['--version'], options.env);
  const db = connect(options.databaseUrl, { poolSize: 1 });
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
    await sql`create schema ${sql.id(schema)}`.execute(db.kysely);
  } finally {
    await db.close();
  }
  const bar = (options.progress ?? quietProgress)('Restoring PostgreSQL');
  bar.update(0, 1);
  try {
    await runPgTool(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--exit-on-error', `--dbname=${options.databaseUrl}`, dump],
      options.env,
    );
  } finally {
    bar.update(1, 1);
    bar.stop();
  }
}
