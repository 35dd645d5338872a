/**
 * Read model: feedback_items ⋈ accounts (the accounts module's table), for the ranked list of
 * feature requests (DESIGN: feedback ranking). Why a join: the list sorts and pages by a score
 * that sums each linked account's ARR × the strongest impact it stated, and filters by the
 * accounts' segment and lifecycle stage — the database aggregates 100k items over 10k requests
 * and cuts the page in one statement, where batch reads would fetch every account of every request.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, likeText, type Page } from '../../../kernel/pagination.js';
import type { RequestStatus, RequestVisibility } from '../contract/kinds.js';

export interface RankingFilters {
  status?: RequestStatus;
  productArea?: string;
  segment?: string;
  lifecycleStage?: string;
  q?: string;
  ids?: readonly string[];
}

export type RankingSort = 'score' | 'customers' | 'arr' | 'pipeline' | 'newest' | 'title';

export interface RankedRequest {
  id: string;
  title: string;
  productArea: string | null;
  status: RequestStatus;
  visibility: RequestVisibility;
  ownerId: string | null;
  targetRelease: string | null;
  updatedAt: string;
  score: number;
  arr: number;
  pipelineArr: number;
  customerCount: number;
  itemCount: number;
}

const SORT_SQL: Record<RankingSort, ReturnType<typeof sql>> = {
  score: sql`score desc`,
  customers: sql`customer_count desc`,
  arr: sql`arr desc`,
  pipeline: sql`pipeline_arr desc`,
  newest: sql`r.created_at desc`,
  title: sql`r.title asc`,
};

/** Requests with their figures; `ids` narrows to given requests (a request page, a roadmap). */
function rankingQuery(db: Kysely<Database>, f: RankingFilters) {
  const accountFilter = (alias: string) =>
    sql<SqlBool>`${sql.join(
      [
        sql`1 = 1`,
        ...(f.segment ? [sql`${sql.ref(`${alias}.segment`)} = ${f.segment}`] : []),
        ...(f.lifecycleStage ? [sql`${sql.ref(`${alias}.lifecycle_stage`)} = ${f.lifecycleStage}`] : []),
      ],
      sql` and `,
    )}`;
  const perAccount = db
    .selectFrom('feedback_items')
    .select(['request_id', 'account_id', sql<number>`max(impact_weight)`.as('weight'), sql<number>`count(*)`.as('items')])
    .where('request_id', 'is not', null)
    .groupBy(['request_id', 'account_id']);
  const pipeline = db
    .selectFrom('feature_request_blockers as fb')
    .innerJoin('accounts as ba', 'ba.id', 'fb.account_id')
    .select(['fb.request_id', sql<number>`sum(fb.arr)`.as('pipeline')])
    .where('fb.is_open', '=', 1)
    .where(accountFilter('ba'))
    .groupBy('fb.request_id');
  let query = db
    .selectFrom('feature_requests as r')
    .leftJoin(perAccount.as('pa'), 'pa.request_id', 'r.id')
    .leftJoin('accounts as a', (join) => join.onRef('a.id', '=', 'pa.account_id').on(accountFilter('a')))
    .leftJoin(pipeline.as('p'), 'p.request_id', 'r.id')
    .select([
      'r.id',
      'r.title',
      'r.product_area',
      'r.status',
      'r.visibility',
      'r.owner_id',
      'r.target_release',
      'r.updated_at',
      'r.created_at',
      sql<number>`coalesce(sum(a.arr * pa.weight), 0) + coalesce(max(p.pipeline), 0)`.as('score'),
      sql<number>`coalesce(sum(a.arr), 0)`.as('arr'),
      sql<number>`coalesce(max(p.pipeline), 0)`.as('pipeline_arr'),
      sql<number>`count(a.id)`.as('customer_count'),
      sql<number>`coalesce(sum(case when a.id is not null then pa.items else 0 end), 0)`.as('item_count'),
    ])
    .where('r.merged_into_id', 'is', null)
    .groupBy('r.id');
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.productArea) query = query.where('r.product_area', '=', f.productArea);
  if (f.q) query = query.where(likeText(sql`lower(r.title)`, f.q.toLowerCase(), 'contains'));
  if (f.ids) query = query.where('r.id', 'in', f.ids.length ? [...f.ids] : ['']);
  // A segment or stage filter asks "what do these customers want": requests none of them asked for drop out.
  if (f.segment || f.lifecycleStage) query = query.having(sql<boolean>`count(a.id) > 0 or coalesce(max(p.pipeline), 0) > 0`);
  return query;
}

/** Requests with the figures stored on them (request-figures.ts keeps them current). */
function storedFiguresQuery(db: Kysely<Database>, f: RankingFilters) {
  let query = db
    .selectFrom('feature_requests as r')
    .select([
      'r.id',
      'r.title',
      'r.product_area',
      'r.status',
      'r.visibility',
      'r.owner_id',
      'r.target_release',
      'r.updated_at',
      'r.created_at',
      'r.score',
      'r.arr',
      'r.pipeline_arr',
      'r.customer_count',
      'r.item_count',
    ])
    .where('r.merged_into_id', 'is', null);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.productArea) query = query.where('r.product_area', '=', f.productArea);
  if (f.q) query = query.where(likeText(sql`lower(r.title)`, f.q.toLowerCase(), 'contains'));
  if (f.ids) query = query.where('r.id', 'in', f.ids.length ? [...f.ids] : ['']);
  return query;
}

/** The stored figures of the given requests, by id. */
export async function requestFigures(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RankedRequest>> {
  if (!ids.length) return new Map();
  const rows = await storedFiguresQuery(db, { ids }).execute();
  return new Map(rows.map((r) => [r.id, toRanked(r)]));
}

type RankingRow = Awaited<ReturnType<ReturnType<typeof rankingQuery>['execute']>>[number];

function toRanked(r: RankingRow): RankedRequest {
  return {
    id: r.id,
    title: r.title,
    productArea: r.product_area,
    status: r.status,
    visibility: r.visibility,
    ownerId: r.owner_id,
    targetRelease: r.target_release,
    updatedAt: r.updated_at,
    score: Number(r.score),
    arr: Number(r.arr),
    pipelineArr: Number(r.pipeline_arr),
    customerCount: Number(r.customer_count),
    itemCount: Number(r.item_count),
  };
}

/**
 * One page of the ranked list. The score is computed, not stored, so the cursor is the position
 * in the ranking (ties broken by id): a page boundary never repeats or skips a request unless the
 * figures change between pages, as they would in any live ranking.
 */
export async function rankRequests(
  db: Kysely<Database>,
  f: RankingFilters,
  sort: RankingSort,
  cursor: string | undefined,
  limit: number,
): Promise<Page<RankedRequest>> {
  const offset = cursor ? Number(decodeCursor(cursor, 'integer').sortValue) : 0;
  // Counting every customer, the stored figures are the ranking: one indexed read.
  const query = f.segment || f.lifecycleStage ? rankingQuery(db, f) : storedFiguresQuery(db, f);
  const rows = await query
    .orderBy(SORT_SQL[sort])
    .orderBy('r.id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  const items = rows.slice(0, limit).map(toRanked);
  return { items, nextCursor: rows.length > limit ? encodeCursor(offset + limit, 'rank') : null };
}

/** The figures of the given requests computed from their items and blockers (unfiltered by segment), by id. */
export async function computeFigures(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RankedRequest>> {
  if (!ids.length) return new Map();
  const rows = await rankingQuery(db, { ids }).execute();
  return new Map(rows.map((r) => [r.id, toRanked(r)]));
}
