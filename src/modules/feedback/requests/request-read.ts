import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import type { Page } from '../../../kernel/pagination.js';
import { accountFigures, accountRefs, SEGMENTS } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import { IMPACT_WEIGHTS, IMPACTS, type Impact } from '../contract/kinds.js';
import type { FeatureRequest, FeatureRequestSummary } from '../contract/requests.js';
import { rankRequests, requestFigures, type RankedRequest, type RankingFilters, type RankingSort } from './ranking.read-model.js';

const impactOfWeight = (weight: number): Impact => IMPACTS.find((i) => IMPACT_WEIGHTS[i] === weight) ?? 'nice_to_have';

async function withOwners(db: Kysely<Database>, rows: readonly RankedRequest[]): Promise<FeatureRequestSummary[]> {
  const owners = await memberRefs(
    db,
    rows.map((r) => r.ownerId),
  );
  return rows.map(({ ownerId, ...r }) => {
    const owner = ownerId ? owners.get(ownerId) : undefined;
    return { ...r, owner: owner ? { id: owner.id, name: owner.name } : null };
  });
}

/** The ranked list (GET /api/feature-requests). */
export async function listFeatureRequests(
  db: Kysely<Database>,
  q: RankingFilters & { sort: RankingSort; cursor?: string; limit: number },
): Promise<Page<FeatureRequestSummary>> {
  const page = await rankRequests(db, q, q.sort, q.cursor, q.limit);
  return { items: await withOwners(db, page.items), nextCursor: page.nextCursor };
}

/**
 * One request with everything behind its score: each account with its ARR, strongest impact and
 * contribution, revenue by segment, and the opportunities that list it as a blocker. A merged
 * request answers too, with `mergedInto` set, so old links land somewhere useful.
 */
export async function getFeatureRequest(db: Kysely<Database>, id: string): Promise<FeatureRequest> {
  const row = await db.selectFrom('feature_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.featureRequestNotFound();
  const [perAccount, blockers, mergedFrom, mergedInto] = await Promise.all([
    db
      .selectFrom('feedback_items')
      .select(['account_id', (eb) => eb.fn.max('impact_weight').as('weight'), (eb) => eb.fn.countAll<number>().as('items')])
      .where('request_id', '=', id)
      .groupBy('account_id')
      .execute(),
    db.selectFrom('feature_request_blockers').selectAll().where('request_id', '=', id).orderBy('arr', 'desc').execute(),
    db.selectFrom('feature_requests').select(['id', 'title']).where('merged_into_id', '=', id).orderBy('title').execute(),
    row.merged_into_id
      ? db.selectFrom('feature_requests').select(['id', 'title']).where('id', '=', row.merged_into_id).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const accounts = await accountFigures(
    db,
    perAccount.map((p) => p.account_id),
  );
  const blockerAccounts = await accountRefs(
    db,
    blockers.map((b) => b.account_id),
  );
  const figures = (await requestFigures(db, [id])).get(id);
  const owner = row.owner_id ? (await memberRefs(db, [row.owner_id])).get(row.owner_id) : undefined;
  const accountRows = perAccount
    .flatMap((p) => {
      const a = accounts.get(p.account_id);
      if (!a) return [];
      const weight = Number(p.weight);
      return [
        {
          id: a.id,
          name: a.name,
          segment: a.segment as FeatureRequest['accounts'][number]['segment'],
          lifecycleStage: a.lifecycleStage as FeatureRequest['accounts'][number]['lifecycleStage'],
          arr: a.arr,
          impact: impactOfWeight(weight),
          contribution: a.arr * weight,
          itemCount: Number(p.items),
        },
      ];
    })
    .sort((x, y) => y.contribution - x.contribution || x.name.localeCompare(y.name));
  const revenueBySegment = SEGMENTS.map((segment) => {
    const inSegment = accountRows.filter((a) => a.segment === segment);
    return { segment, arr: inSegment.reduce((sum, a) => sum + a.arr, 0), customerCount: inSegment.length };
  });
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    productArea: row.product_area,
    status: row.status,
    visibility: row.visibility,
    owner: owner ? { id: owner.id, name: owner.name } : null,
    targetRelease: row.target_release,
    declinedReason: row.declined_reason,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    score: figures?.score ?? 0,
    arr: figures?.arr ?? 0,
    pipelineArr: figures?.pipelineArr ?? 0,
    customerCount: figures?.customerCount ?? 0,
    itemCount: figures?.itemCount ?? 0,
    mergedInto: mergedInto ?? null,
    mergedFrom,
    accounts: accountRows,
    revenueBySegment,
    blockers: blockers.map((b) => ({
      opportunityId: b.opportunity_id,
      account: { id: b.account_id, name: blockerAccounts.get(b.account_id)?.name ?? '(deleted account)' },
      arr: Number(b.arr),
      open: b.is_open === 1,
    })),
  };
}
