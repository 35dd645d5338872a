/**
 * Read model: feedback_items ⋈ accounts (the accounts module's table), for the ranking of feature
 * requests (DESIGN: feedback ranking). Why a join: a request's figures sum each linked account's
 * ARR × the strongest impact it stated, for every customer and for each segment and lifecycle
 * stage of them; one grouped read per changed request gives all of them, where batch reads would
 * fetch every account of every request. The figures are stored (request-figures.ts), so the ranked
 * list — filtered or not — is one indexed read.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, likeText, type Page } from '../../../kernel/pagination.js';
import type { RequestStatus, RequestVisibility } from '../contract/kinds.js';
import { dealPipelineOf } from '../items/item-view.js';
import type { FeatureRequestGroupFiguresTable } from '../tables.js';

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

/** Which customers a group of figures counts: all, one segment, one stage, or one segment in one stage. */
export type GroupDimension = FeatureRequestGroupFiguresTable['dimension'];

export interface GroupFigures {
  requestId: string;
  dimension: GroupDimension;
  value: string;
  score: number;
  arr: number;
  pipelineArr: number;
  customerCount: number;
  itemCount: number;
}

/** The ORDER BY of a sort, on the figures of `from` (the request itself, or one group of its customers). */
function sortSql(sort: RankingSort, from: 'r' | 'g') {
  const figure = (column: string) => sql`${sql.ref(`${from}.${column}`)} desc`;
  switch (sort) {
    case 'score':
      return figure('score');
    case 'customers':
      return figure('customer_count');
    case 'arr':
      return figure('arr');
    case 'pipeline':
      return figure('pipeline_arr');
    case 'newest':
      return sql`r.created_at desc`;
    case 'title':
      return sql`r.title asc`;
  }
}

const REQUEST_COLUMNS = [
  'r.id',
  'r.title',
  'r.product_area',
  'r.status',
  'r.visibility',
  'r.owner_id',
  'r.target_release',
  'r.updated_at',
  'r.created_at',
] as const;

/** The groups an account's figures count in. */
function groupsOf(segment: string, stage: string): [GroupDimension, string][] {
  return [
    ['all', ''],
    ['segment', segment],
    ['lifecycle_stage', stage],
    ['segment_stage', `${segment}/${stage}`],
  ];
}

/** The group a list's account filters select. */
function groupOf(f: RankingFilters): [GroupDimension, string] {
  if (f.segment && f.lifecycleStage) return ['segment_stage', `${f.segment}/${f.lifecycleStage}`];
  if (f.segment) return ['segment', f.segment];
  if (f.lifecycleStage) return ['lifecycle_stage', f.lifecycleStage];
  return ['all', ''];
}

/** Requests with the figures stored on them, for every customer (request-figures.ts keeps them current). */
function storedFiguresQuery(db: Kysely<Database>, f: RankingFilters) {
  let query = db
    .selectFrom('feature_requests as r')
    .select([...REQUEST_COLUMNS, 'r.score', 'r.arr', 'r.pipeline_arr', 'r.customer_count', 'r.item_count'])
    .where('r.merged_into_id', 'is', null);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.productArea) query = query.where('r.product_area', '=', f.productArea);
  if (f.q) query = query.where(likeText(sql`lower(r.title)`, f.q.toLowerCase(), 'contains'));
  if (f.ids) query = query.where('r.id', 'in', f.ids.length ? [...f.ids] : ['']);
  return query;
}

/** Requests with the figures stored for one group of customers; a request none of them asked for has no row. */
function storedGroupQuery(db: Kysely<Database>, f: RankingFilters) {
  const [dimension, value] = groupOf(f);
  let query = db
    .selectFrom('feature_request_group_figures as g')
    .innerJoin('feature_requests as r', 'r.id', 'g.request_id')
    .select([...REQUEST_COLUMNS, 'g.score', 'g.arr', 'g.pipeline_arr', 'g.customer_count', 'g.item_count'])
    .where('g.dimension', '=', dimension)
    .where('g.value', '=', value)
    .where('r.merged_into_id', 'is', null);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.productArea) query = query.where('r.product_area', '=', f.productArea);
  if (f.q) query = query.where(likeText(sql`lower(r.title)`, f.q.toLowerCase(), 'contains'));
  return query;
}

type RankingRow = Awaited<ReturnType<ReturnType<typeof storedFiguresQuery>['execute']>>[number];

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
 * One page of the ranked list. The cursor is the position in the ranking (ties broken by id): a
 * page boundary never repeats or skips a request unless the figures change between pages, as they
 * would in any live ranking.
 */
export async function rankRequests(
  db: Kysely<Database>,
  f: RankingFilters,
  sort: RankingSort,
  cursor: string | undefined,
  limit: number,
): Promise<Page<RankedRequest>> {
  const offset = cursor ? Number(decodeCursor(cursor, 'integer').sortValue) : 0;
  const grouped = !!(f.segment || f.lifecycleStage);
  const query = grouped ? storedGroupQuery(db, f) : storedFiguresQuery(db, f);
  const rows = await query
    .orderBy(sortSql(sort, grouped ? 'g' : 'r'))
    .orderBy('r.id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  const items = rows.slice(0, limit).map(toRanked);
  return { items, nextCursor: rows.length > limit ? encodeCursor(offset + limit, 'rank') : null };
}

/** The stored figures of the given requests, by id. */
export async function requestFigures(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RankedRequest>> {
  if (!ids.length) return new Map();
  const rows = await storedFiguresQuery(db, { ids }).execute();
  return new Map(rows.map((r) => [r.id, toRanked(r)]));
}

/**
 * The given requests' figures computed from their items and open blockers: for every customer
 * (dimension `all`) and per segment, stage, and segment-in-stage of the accounts behind them.
 */
export async function computeGroupFigures(db: Kysely<Database>, ids: readonly string[]): Promise<GroupFigures[]> {
  if (!ids.length) return [];
  const out = new Map<string, GroupFigures>();
  const entry = (requestId: string, dimension: GroupDimension, value: string) => {
    const key = `${requestId} ${dimension} ${value}`;
    let g = out.get(key);
    if (!g) out.set(key, (g = { requestId, dimension, value, score: 0, arr: 0, pipelineArr: 0, customerCount: 0, itemCount: 0 }));
    return g;
  };
  const perAccount = await db
    .selectFrom('feedback_items as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select([
      'i.request_id',
      'i.account_id',
      'a.arr',
      'a.segment',
      'a.lifecycle_stage',
      sql<number>`max(i.impact_weight)`.as('weight'),
      sql<number>`count(*)`.as('items'),
    ])
    .where('i.request_id', 'in', [...ids])
    .groupBy(['i.request_id', 'i.account_id', 'a.arr', 'a.segment', 'a.lifecycle_stage'])
    .execute();
  for (const p of perAccount) {
    for (const [dimension, value] of groupsOf(p.segment, p.lifecycle_stage)) {
      const g = entry(p.request_id!, dimension, value);
      g.score += Number(p.arr) * Number(p.weight);
      g.arr += Number(p.arr);
      g.customerCount += 1;
      g.itemCount += Number(p.items);
    }
  }
  // Pipeline: each open deal blocked by the request counts once — whether an integration listed it
  // as a blocker (feature_request_blockers, which wins when both say so) or a requirement gap of the
  // deal was captured as an item and triaged into the request (its ARR read from pre-sales now).
  const blockers = await db
    .selectFrom('feature_request_blockers as fb')
    .innerJoin('accounts as ba', 'ba.id', 'fb.account_id')
    .select(['fb.request_id', 'fb.opportunity_id', 'fb.arr', 'fb.is_open', 'ba.segment', 'ba.lifecycle_stage'])
    .where('fb.request_id', 'in', [...ids])
    .execute();
  const counted = new Set(blockers.map((b) => `${b.request_id} ${b.opportunity_id}`));
  const deals: { requestId: string; arr: number; segment: string; stage: string }[] = blockers
    .filter((b) => b.is_open === 1)
    .map((b) => ({ requestId: b.request_id, arr: Number(b.arr), segment: b.segment, stage: b.lifecycle_stage }));
  const gapItems = await db
    .selectFrom('feedback_items')
    .select(['request_id', 'source_id', 'source_type', 'account_id'])
    .distinct()
    .where('request_id', 'in', [...ids])
    .where('source_type', '=', 'opportunity')
    .where('source_id', 'is not', null)
    .execute();
  const openArr = await dealPipelineOf(db, gapItems);
  const accountGroups = new Map(perAccount.map((p) => [p.account_id, { segment: p.segment, stage: p.lifecycle_stage }]));
  for (const g of gapItems) {
    const key = `${g.request_id} ${g.source_id}`;
    const arr = openArr.get(g.source_id!);
    const group = accountGroups.get(g.account_id);
    if (counted.has(key) || arr === undefined || !group) continue;
    counted.add(key);
    deals.push({ requestId: g.request_id!, arr, segment: group.segment, stage: group.stage });
  }
  for (const d of deals) {
    for (const [dimension, value] of groupsOf(d.segment, d.stage)) {
      const g = entry(d.requestId, dimension, value);
      g.pipelineArr += d.arr;
      g.score += d.arr;
    }
  }
  return [...out.values()];
}
