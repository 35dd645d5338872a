import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { ExportRecord } from './export-records.js';
import { rememberExternalIds, type ExternalId } from './external-id-repository.js';
import { recordSkips, saveProgress, type ImportRun, type ImportSkip, type KindCounts } from './import-run-repository.js';
import { claimNumericIds, type NumericIdClaim } from './numeric-id-claims.js';
import type { ExportKind, ZendeskSource } from './zendesk-source.js';

/** Progress as the command's bar shows it: the step and the records read so far in it. */
export type ImportProgress = (step: ExportKind, done: number) => void;

/** What every step shares: the database, the source, the run being written and the id maps built so far. */
export interface ImportContext {
  db: Kysely<Database>;
  source: ZendeskSource;
  run: ImportRun;
  batchSize: number;
  onProgress: ImportProgress;
  /** Zendesk id → Outpost id, per kind ('organization', 'group', 'user', …), loaded from earlier runs and grown by this one. */
  ids: Map<string, Map<string, string>>;
}

/** What one batch wrote, for the run's counts, skips and external ids (all saved in the batch's transaction). */
export interface BatchOutcome {
  counts: Record<string, Partial<KindCounts>>;
  skips: ImportSkip[];
  externalIds: ExternalId[];
  /** Zendesk ids the written records claim as their /api/v2 numbers. */
  claims: NumericIdClaim[];
}

export function emptyOutcome(): BatchOutcome {
  return { counts: {}, skips: [], externalIds: [], claims: [] };
}

export function count(outcome: BatchOutcome, kind: string, what: keyof KindCounts, n = 1): void {
  const c = (outcome.counts[kind] ??= {});
  c[what] = (c[what] ?? 0) + n;
}

export function skip(outcome: BatchOutcome, kind: string, externalId: string | null, reason: string): void {
  count(outcome, kind, 'skipped');
  outcome.skips.push({ kind, externalId, reason });
}

export function idsOf(ctx: ImportContext, kind: string): Map<string, string> {
  let map = ctx.ids.get(kind);
  if (!map) ctx.ids.set(kind, (map = new Map()));
  return map;
}

/**
 * Reads one kind's records from where the run's checkpoint left off, in batches. Each batch's
 * rows, external ids, skips, counts and checkpoint commit in one transaction: a run killed at
 * any moment restarts exactly after the last batch it finished, with the counts that batch left.
 */
export async function runStep<T>(
  ctx: ImportContext,
  step: ExportKind,
  handle: (db: Kysely<Database>, batch: ExportRecord<T>[], outcome: BatchOutcome) => Promise<void>,
): Promise<void> {
  const checkpoint = (ctx.run.checkpoint[step] ??= { position: 0, done: false });
  if (checkpoint.done) return;
  let batch: ExportRecord<T>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const records = batch;
    batch = [];
    const next = records[records.length - 1]!.index + 1;
    const { counts, externalIds } = await inTransaction(ctx.db, async (trx) => {
      const outcome = emptyOutcome();
      await handle(trx, records, outcome);
      await rememberExternalIds(trx, ctx.source.name, outcome.externalIds);
      const taken = await claimNumericIds(trx, outcome.claims);
      if (taken) count(outcome, 'renumbered', 'imported', taken);
      await recordSkips(trx, ctx.run.id, outcome.skips);
      const counts = structuredClone(ctx.run.counts);
      for (const [kind, delta] of Object.entries(outcome.counts)) {
        const c = (counts[kind] ??= { imported: 0, unchanged: 0, skipped: 0 });
        c.imported += delta.imported ?? 0;
        c.unchanged += delta.unchanged ?? 0;
        c.skipped += delta.skipped ?? 0;
      }
      await saveProgress(trx, { ...ctx.run, counts, checkpoint: { ...ctx.run.checkpoint, [step]: { position: next, done: false } } });
      return { counts, externalIds: outcome.externalIds };
    });
    // Only after the commit does the run in memory move on (a failed batch leaves it as it was).
    ctx.run.counts = counts;
    checkpoint.position = next;
    for (const e of externalIds) idsOf(ctx, e.kind).set(e.externalId, e.outpostId);
    ctx.onProgress(step, checkpoint.position);
  };
  for await (const record of ctx.source.records<T>(step, checkpoint.position)) {
    batch.push(record);
    if (batch.length >= ctx.batchSize) await flush();
  }
  await flush();
  checkpoint.done = true;
  await saveProgress(ctx.db, ctx.run);
}
