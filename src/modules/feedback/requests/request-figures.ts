import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../kernel/clock.js';
import { computeGroupFigures } from './ranking.read-model.js';

const BATCH = 500;

/**
 * Rewrites the stored figures (score, ARR, pipeline, customers, items) of the given requests from
 * their items and blockers. Runs inside the transaction of the change that moved them, so the
 * ranked list never shows a score its own page would contradict.
 */
export async function refreshRequestFigures(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<void> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  for (let i = 0; i < wanted.length; i += BATCH) {
    const slice = wanted.slice(i, i + BATCH);
    const groups = await computeGroupFigures(db, slice);
    const figures = new Map(groups.filter((g) => g.dimension === 'all').map((g) => [g.requestId, g]));
    for (const id of slice) {
      const f = figures.get(id);
      await db
        .updateTable('feature_requests')
        .set({
          score: f?.score ?? 0,
          arr: f?.arr ?? 0,
          pipeline_arr: f?.pipelineArr ?? 0,
          customer_count: f?.customerCount ?? 0,
          item_count: f?.itemCount ?? 0,
        })
        .where('id', '=', id)
        .execute();
    }
    await db.deleteFrom('feature_request_group_figures').where('request_id', 'in', slice).execute();
    // The `all` group is the request's own figures, stored on the request itself.
    const filtered = groups.filter((g) => g.dimension !== 'all');
    for (let j = 0; j < filtered.length; j += 200) {
      await db
        .insertInto('feature_request_group_figures')
        .values(
          filtered.slice(j, j + 200).map((g) => ({
            request_id: g.requestId,
            dimension: g.dimension,
            value: g.value,
            score: g.score,
            arr: g.arr,
            pipeline_arr: g.pipelineArr,
            customer_count: g.customerCount,
            item_count: g.itemCount,
          })),
        )
        .execute();
    }
  }
}

/** After a linked account's ARR, segment or stage changed: every request it asked for or blocks. */
export async function refreshFiguresOfAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  const [items, blockers] = await Promise.all([
    db
      .selectFrom('feedback_items')
      .select('request_id')
      .distinct()
      .where('account_id', '=', accountId)
      .where('request_id', 'is not', null)
      .execute(),
    db.selectFrom('feature_request_blockers').select('request_id').distinct().where('account_id', '=', accountId).execute(),
  ]);
  await refreshRequestFigures(db, [...items.map((r) => r.request_id), ...blockers.map((r) => r.request_id)]);
}

/** Every live request's figures (after a bulk load, such as the bench dataset). */
export async function refreshAllRequestFigures(db: Kysely<Database>): Promise<number> {
  const ids = (await db.selectFrom('feature_requests').select('id').where('merged_into_id', 'is', null).execute()).map((r) => r.id);
  await refreshRequestFigures(db, ids);
  return ids.length;
}

/**
 * After an opportunity's ARR or stage changed (pre-sales calls this in that change's transaction):
 * the blockers it is listed on take the new ARR and open flag, and every request it blocks —
 * listed, or through a gap of it triaged there — is re-ranked, so a closed deal stops counting.
 */
export async function refreshFiguresOfOpportunity(
  db: Kysely<Database>,
  opportunityId: string,
  figures: { arr: number; open: boolean },
): Promise<void> {
  await db
    .updateTable('feature_request_blockers')
    .set({ arr: figures.arr, is_open: figures.open ? 1 : 0, updated_at: nowIso() })
    .where('opportunity_id', '=', opportunityId)
    .execute();
  const [items, blockers] = await Promise.all([
    db
      .selectFrom('feedback_items')
      .select('request_id')
      .distinct()
      .where('source_type', '=', 'opportunity')
      .where('source_id', '=', opportunityId)
      .where('request_id', 'is not', null)
      .execute(),
    db.selectFrom('feature_request_blockers').select('request_id').distinct().where('opportunity_id', '=', opportunityId).execute(),
  ]);
  await refreshRequestFigures(db, [...items.map((r) => r.request_id), ...blockers.map((r) => r.request_id)]);
}
