import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';

/** What a run did with one kind of record. */
export interface KindCounts {
  imported: number;
  unchanged: number;
  skipped: number;
}

export type RunCounts = Record<string, KindCounts>;

/** How far a run got through each step: records read (an export file's index), and whether it finished. */
export type RunCheckpoint = Record<string, { position: number; done: boolean }>;

export interface ImportRun {
  id: string;
  source: string;
  status: 'running' | 'finished' | 'failed';
  counts: RunCounts;
  checkpoint: RunCheckpoint;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportSkip {
  kind: string;
  externalId: string | null;
  reason: string;
}

function toRun(row: Database['import_runs']): ImportRun {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    counts: JSON.parse(row.counts) as RunCounts,
    checkpoint: JSON.parse(row.checkpoint) as RunCheckpoint,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The source's run a kill left unfinished, which a new start resumes instead of starting over. */
export async function unfinishedRun(db: Kysely<Database>, source: string): Promise<ImportRun | null> {
  const row = await db
    .selectFrom('import_runs')
    .selectAll()
    .where('source', '=', source)
    .where('status', '!=', 'finished')
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function startRun(db: Kysely<Database>, source: string): Promise<ImportRun> {
  const now = new Date().toISOString();
  const row = {
    id: newId(),
    source,
    status: 'running' as const,
    counts: '{}',
    checkpoint: '{}',
    started_at: now,
    updated_at: now,
    finished_at: null,
  };
  await db.insertInto('import_runs').values(row).execute();
  return toRun(row);
}

/** Saves counts and checkpoint; called in the same transaction as the rows they describe, so a kill never splits them. */
export async function saveProgress(db: Kysely<Database>, run: ImportRun): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      counts: JSON.stringify(run.counts),
      checkpoint: JSON.stringify(run.checkpoint),
      status: 'running',
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', run.id)
    .execute();
}

export async function finishRun(db: Kysely<Database>, runId: string, status: 'finished' | 'failed'): Promise<void> {
  const now = new Date().toISOString();
  await db.updateTable('import_runs').set({ status, updated_at: now, finished_at: now }).where('id', '=', runId).execute();
}

export async function recordSkips(db: Kysely<Database>, runId: string, skips: ImportSkip[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < skips.length; i += 200)
    await db
      .insertInto('import_skips')
      .values(skips.slice(i, i + 200).map((s) => ({ run_id: runId, kind: s.kind, external_id: s.externalId, reason: s.reason, at })))
      .execute();
}

export async function listRuns(db: Kysely<Database>, limit: number): Promise<ImportRun[]> {
  return (await db.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute()).map(toRun);
}

export async function findRun(db: Kysely<Database>, id: string): Promise<ImportRun | null> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function runSkips(db: Kysely<Database>, runId: string, limit: number): Promise<(ImportSkip & { at: string })[]> {
  const rows = await db
    .selectFrom('import_skips')
    .select(['kind', 'external_id', 'reason', 'at'])
    .where('run_id', '=', runId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ kind: r.kind, externalId: r.external_id, reason: r.reason, at: r.at }));
}

export async function countSkips(db: Kysely<Database>, runId: string): Promise<number> {
  const row = await db
    .selectFrom('import_skips')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of these ids the run already skipped as `kind` (a resumed run must not report a row twice). */
export async function skippedIds(db: Kysely<Database>, runId: string, kind: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const row of await db
      .selectFrom('import_skips')
      .select('external_id')
      .where('run_id', '=', runId)
      .where('kind', '=', kind)
      .where('external_id', 'in', ids.slice(i, i + 500))
      .execute())
      if (row.external_id) out.add(row.external_id);
  return out;
}
