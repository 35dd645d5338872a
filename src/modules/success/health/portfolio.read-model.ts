/**
 * Read model: account_health ⋈ accounts (name, segment, ARR, renewal), for the health portfolio.
 * Why a join: the portfolio filters by grade, segment and name and sorts by score, change, name,
 * ARR or renewal across every account (10k in the bench); the database filters, orders and cuts
 * the page in one read, where batch reads would fetch every account before a page could be cut.
 * The owner filter arrives as the owner's account ids (accounts' batch read), the owners of a page
 * are named after it.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type Page } from '../../../kernel/pagination.js';
import type { HealthGrade } from '../contract/kinds.js';

export interface PortfolioFilters {
  grade?: HealthGrade | undefined;
  segment?: string | undefined;
  /** Only these accounts (an owner's, read through the accounts module). */
  accountIds?: readonly string[] | undefined;
  q?: string | undefined;
}

export type PortfolioSort = 'score' | 'change' | 'name' | 'arr' | 'renewal';

export interface PortfolioEntry {
  accountId: string;
  name: string;
  segment: string;
  arr: number;
  renewalDate: string | null;
  score: number | null;
  grade: HealthGrade | null;
  changeThirtyDays: number | null;
  overrideExpiresAt: string | null;
  measures: string;
}

/**
 * The sort key with nulls last in either direction: a missing score, change or renewal date becomes
 * a value beyond every real one, so keyset paging compares plain values.
 */
function sortKey(sort: PortfolioSort, direction: 'asc' | 'desc'): { key: RawBuilder<unknown>; kind: 'number' | 'string' } {
  const last = (column: string, high: number | string, low: number | string) =>
    sql`coalesce(${sql.ref(column)}, ${direction === 'asc' ? high : low})`;
  switch (sort) {
    case 'score':
      return { key: last('h.score', 1_000_000, -1_000_000), kind: 'number' };
    case 'change':
      return { key: last('h.change_30_days', 1_000_000, -1_000_000), kind: 'number' };
    case 'name':
      return { key: sql`a.name_lower`, kind: 'string' };
    case 'arr':
      return { key: sql`a.arr`, kind: 'number' };
    case 'renewal':
      return { key: last('a.renewal_date', '9999-12-31', '0001-01-01'), kind: 'string' };
  }
}

/** One page of the portfolio: every scored account with its health, filtered and sorted. */
export async function portfolioPage(
  db: Kysely<Database>,
  f: PortfolioFilters,
  sort: PortfolioSort,
  direction: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): Promise<Page<PortfolioEntry>> {
  const { key, kind } = sortKey(sort, direction);
  let query = db
    .selectFrom('account_health as h')
    .innerJoin('accounts as a', 'a.id', 'h.account_id')
    .select([
      'h.account_id',
      'a.name',
      'a.segment',
      'a.arr',
      'a.renewal_date',
      'h.score',
      'h.grade',
      'h.change_30_days',
      'h.override_expires_at',
      'h.measures',
      key.as('sort_key'),
    ]);
  if (f.grade) query = query.where('h.grade', '=', f.grade);
  if (f.segment) query = query.where('a.segment', '=', f.segment as Database['accounts']['segment']);
  if (f.accountIds) query = f.accountIds.length ? query.where('h.account_id', 'in', f.accountIds) : query.where(sql<boolean>`1 = 0`);
  if (f.q) query = query.where(likeText('a.name_lower', f.q.toLowerCase(), 'contains'));
  if (cursor) query = query.where(keysetAfter(key, 'h.account_id', decodeCursor(cursor, kind), direction));
  const rows = await query
    .orderBy(key, direction)
    .orderBy('h.account_id', direction)
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (r) => encodeCursor(kind === 'number' ? Number(r.sort_key) : String(r.sort_key), r.account_id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      segment: r.segment,
      arr: Number(r.arr),
      renewalDate: r.renewal_date ? String(r.renewal_date).slice(0, 10) : null,
      score: r.score === null ? null : Number(r.score),
      grade: r.grade,
      changeThirtyDays: r.change_30_days === null ? null : Number(r.change_30_days),
      overrideExpiresAt: r.override_expires_at,
      measures: r.measures,
    })),
  };
}
