import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, isPostgresUrl } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedBenchDataset, type BenchDatasetSummary } from '../src/db/seed/bench-dataset.js';
import { generationProgress } from './generation-progress.js';
import { wireModules } from '../src/app/wire-modules.js';

/** Bump when the generator's output changes, so a cached dataset is not reused across versions. */
const DATASET_VERSION = 5;
/** SLA due times are relative to when the dataset was made; a day later the queues look stale. */
const CACHE_HOURS = 12;

export interface PreparedDataset {
  databaseUrl: string;
  /** The SQLite file the baseline reads, or the PostgreSQL URL. */
  baselineTarget: string;
  summary: BenchDatasetSummary;
  cached: boolean;
}

async function generate(url: string, scale: number): Promise<BenchDatasetSummary> {
  wireModules();
  // The load's sessions commit without waiting for the disk (the delivery seed alone commits
  // ~15k small transactions); a crash would lose a dataset that is regenerated anyway.
  const db = connect(
    isPostgresUrl(url) ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c synchronous_commit=off')}` : url,
  );
  try {
    await migrateToLatest(db);
    const bar = generationProgress(`Generating ${scale} tickets`);
    try {
      // PostgreSQL: the bulk rows go in with COPY on a connection of its own.
      return await seedBenchDataset(db.kysely, db.dialect, {
        tickets: scale,
        copyConnectionString: db.connectionString,
        onProgress: (done, total, rows) => bar.update(done, total, rows),
      });
    } finally {
      bar.stop();
    }
  } finally {
    await db.close();
  }
}

/**
 * SQLite: a dataset per scale, cached under the temp folder (generating 1M tickets takes minutes),
 * copied to the run's own folder so that the run's writes never reach the cache.
 */
export async function prepareSqlite(scale: number, runDir: string, fresh: boolean): Promise<PreparedDataset> {
  const cacheDir = path.join(os.tmpdir(), 'outpost-bench-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const cacheFile = path.join(cacheDir, `dataset-v${DATASET_VERSION}-${scale}.db`);
  const summaryFile = `${cacheFile}.json`;
  const usable =
    !fresh &&
    fs.existsSync(cacheFile) &&
    fs.existsSync(summaryFile) &&
    Date.now() - fs.statSync(summaryFile).mtimeMs < CACHE_HOURS * 3_600_000;
  let summary: BenchDatasetSummary;
  if (usable) {
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as BenchDatasetSummary;
    // A migration added since the dataset was made (an index, say) is applied once, to the cache.
    const db = connect(cacheFile);
    await migrateToLatest(db);
    await db.close();
  } else {
    for (const f of [cacheFile, `${cacheFile}-wal`, `${cacheFile}-shm`, summaryFile]) fs.rmSync(f, { force: true });
    summary = await generate(cacheFile, scale);
    fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
  }
  const file = path.join(runDir, 'outpost.db');
  fs.copyFileSync(cacheFile, file);
  if (fs.existsSync(`${cacheFile}-wal`)) fs.copyFileSync(`${cacheFile}-wal`, `${file}-wal`);
  return { databaseUrl: file, baselineTarget: file, summary, cached: usable };
}

/**
 * PostgreSQL: a database `name` (default `outpost_bench`) on the local server, generated afresh
 * unless `reuse` is set and a finished dataset of the same scale and version is there (its summary
 * is kept in the setting `bench.dataset_summary`, written last, so a half-generated database is
 * never reused). Reuse is what makes the 10M runs practical: generating them takes most of an hour.
 */
export async function preparePostgres(scale: number, serverUrl: string, name = 'outpost_bench', reuse = false): Promise<PreparedDataset> {
  const serverBase = serverUrl.replace(/\/[^/]*$/, '');
  const url = `${serverBase}/${name}`;
  if (reuse) {
    const summary = await readPostgresSummary(url, scale);
    if (summary) return { databaseUrl: url, baselineTarget: url, summary, cached: true };
  }
  const admin = new pg.Client({ connectionString: `${serverBase}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const summary = await generate(url, scale);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into settings (key, value, updated_at) values ('bench.dataset_summary', $1, $2)
       on conflict (key) do update set value = excluded.value`,
      [JSON.stringify({ version: DATASET_VERSION, scale, summary }), new Date().toISOString()],
    );
  } finally {
    await client.end();
  }
  return { databaseUrl: url, baselineTarget: url, summary, cached: false };
}

async function readPostgresSummary(url: string, scale: number): Promise<BenchDatasetSummary | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null; // no such database yet
  }
  try {
    const row = (await client.query<{ value: string }>(`select value from settings where key = 'bench.dataset_summary'`)).rows[0];
    if (!row) return null;
    const kept = JSON.parse(row.value) as { version: number; scale: number; summary: BenchDatasetSummary };
    return kept.version === DATASET_VERSION && kept.scale === scale ? kept.summary : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}
