import { sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type CursorKind, type Page } from '../../../kernel/pagination.js';
import { CLOSED_STAGES } from '../contract/kinds.js';
import type { OpportunityListQuery, PipelineQuery } from '../contract/opportunities.js';
import type { OpportunitiesTable } from './tables.js';

export type OpportunityRow = Selectable<OpportunitiesTable>;

/** A deal without a close date sorts after every dated one (soonest close first). */
const NO_CLOSE_DATE = '9999-12-31';

export async function findOpportunityRow(db: Kysely<Database>, id: string): Promise<OpportunityRow | undefined> {
  return db.selectFrom('opportunities').selectAll().where('id', '=', id).executeTakeFirst();
}

type Filters = PipelineQuery & { stage?: OpportunityListQuery['stage'] };
type OpportunityQuery = SelectQueryBuilder<Database, 'opportunities', object>;

/**
 * The list's filters as one where-clause set. `accountIdsMatching` are the accounts whose name
 * matches `q` (read through the accounts module), so a search finds a deal by its account too.
 */
function filtered(query: OpportunityQuery, q: Filters, accountIdsMatching: readonly string[]): OpportunityQuery {
  let out = query;
  if (q.accountId) out = out.where('opportunities.account_id', '=', q.accountId);
  if (q.stage) out = out.where('opportunities.stage', '=', q.stage);
  if (q.open === true) out = out.where('opportunities.stage', 'not in', [...CLOSED_STAGES]);
  if (q.open === false) out = out.where('opportunities.stage', 'in', [...CLOSED_STAGES]);
  if (q.salesEngineerId) out = out.where('opportunities.sales_engineer_id', '=', q.salesEngineerId);
  if (q.solutionsArchitectId) out = out.where('opportunities.solutions_architect_id', '=', q.solutionsArchitectId);
  if (q.salesOwnerId) out = out.where('opportunities.sales_owner_id', '=', q.salesOwnerId);
  if (q.memberId) {
    const m = q.memberId;
    out = out.where((eb) =>
      eb.or([
        eb('opportunities.sales_owner_id', '=', m),
        eb('opportunities.sales_engineer_id', '=', m),
        eb('opportunities.solutions_architect_id', '=', m),
      ]),
    );
  }
  if (q.technicalWin) out = out.where('opportunities.technical_win', '=', q.technicalWin);
  if (q.closeFrom) out = out.where('opportunities.close_date', '>=', q.closeFrom);
  if (q.closeTo) out = out.where('opportunities.close_date', '<=', q.closeTo);
  if (q.q) {
    const needle = q.q.toLowerCase();
    out = out.where((eb) =>
      eb.or([
        likeText(sql<string>`lower(${sql.ref('opportunities.name')})`, needle, 'contains'),
        ...(accountIdsMatching.length ? [eb('opportunities.account_id', 'in', [...accountIdsMatching])] : []),
      ]),
    );
  }
  return out;
}

interface SortSpec {
  column: RawBuilder<unknown>;
  kind: CursorKind;
  valueOf: (r: OpportunityRow) => string | number;
  defaultOrder: 'asc' | 'desc';
}

const SORTS: Record<OpportunityListQuery['sort'], SortSpec> = {
  close_date: {
    column: sql`coalesce(${sql.ref('opportunities.close_date')}, ${NO_CLOSE_DATE})`,
    kind: 'date',
    valueOf: (r) => r.close_date ?? NO_CLOSE_DATE,
    defaultOrder: 'asc',
  },
  arr: { column: sql`${sql.ref('opportunities.arr')}`, kind: 'number', valueOf: (r) => Number(r.arr), defaultOrder: 'desc' },
  updated: { column: sql`${sql.ref('opportunities.updated_at')}`, kind: 'timestamp', valueOf: (r) => r.updated_at, defaultOrder: 'desc' },
};

/** One page of opportunities, filtered, in (sort, id) order. */
export async function listOpportunityRows(
  db: Kysely<Database>,
  q: OpportunityListQuery,
  accountIdsMatching: readonly string[],
): Promise<Page<OpportunityRow>> {
  const sort = SORTS[q.sort];
  const order = q.order ?? sort.defaultOrder;
  let query = filtered(db.selectFrom('opportunities'), q, accountIdsMatching);
  if (q.cursor) query = query.where(keysetAfter(sort.column, 'opportunities.id', decodeCursor(q.cursor, sort.kind), order));
  const rows = await query
    .selectAll('opportunities')
    .orderBy(sort.column, order)
    .orderBy('opportunities.id', order)
    .limit(q.limit + 1)
    .execute();
  return toPage(rows, q.limit, (r) => encodeCursor(sort.valueOf(r), r.id));
}

/** Count and ARR per stage for the list's filters (stage aside): the pipeline board's totals. */
export async function pipelineRows(
  db: Kysely<Database>,
  q: PipelineQuery,
  accountIdsMatching: readonly string[],
): Promise<{ stage: OpportunitiesTable['stage']; count: number; arr: number }[]> {
  const rows = await filtered(db.selectFrom('opportunities'), q, accountIdsMatching)
    .select((eb) => [
      'opportunities.stage',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number | string>('opportunities.arr'), sql<number>`0`).as('arr'),
    ])
    .groupBy('opportunities.stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.n), arr: Number(r.arr) }));
}

/** What hangs on an opportunity in this area, by kind (a deal with any of it is not deleted). */
export async function dependentsOf(db: Kysely<Database>, id: string): Promise<{ demos: number; requests: number; interactions: number }> {
  const [demos, requests, interactions] = await Promise.all([
    db
      .selectFrom('demos')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('opportunity_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('deal_support_requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('opportunity_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('opportunity_interactions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('opportunity_id', '=', id)
      .executeTakeFirst(),
  ]);
  return { demos: Number(demos?.n ?? 0), requests: Number(requests?.n ?? 0), interactions: Number(interactions?.n ?? 0) };
}
