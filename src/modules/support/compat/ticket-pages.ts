import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Paged lists of tickets for the Zendesk-compatible API (issue 18), by offset (a page number and a
 * total count) or by keyset cursor. Every order ends on the ticket number, which is unique and
 * only grows, so a cursor walk in number order sees each ticket exactly once even while new
 * tickets are created: they land after the last page.
 */
export type TicketSortKey = 'id' | 'created_at' | 'updated_at' | 'status' | 'priority';
export type SortOrder = 'asc' | 'desc';

/** Narrows a list to one requester, assignee, organization or group (all Outpost ids). */
export interface TicketListFilter {
  requesterId?: string;
  assigneeId?: string;
  accountId?: string;
  groupId?: string;
}

/** A listed ticket and the value it is sorted by (what a cursor carries). */
export interface ListedTicket {
  id: string;
  number: number;
  sortValue: string | number;
}

// Zendesk orders statuses and priorities by their workflow, not alphabetically.
const STATUS_RANK = sql<number>`case tickets.status when 'new' then 0 when 'open' then 1 when 'pending' then 2 when 'on_hold' then 3 when 'solved' then 4 else 5 end`;
const PRIORITY_RANK = sql<number>`case tickets.priority when 'low' then 0 when 'normal' then 1 when 'high' then 2 else 3 end`;

function sortExpression(sort: TicketSortKey): RawBuilder<string | number> {
  switch (sort) {
    case 'id':
      return sql<number>`tickets.number`;
    case 'created_at':
      return sql<string>`tickets.created_at`;
    case 'updated_at':
      return sql<string>`tickets.updated_at`;
    case 'status':
      return STATUS_RANK;
    case 'priority':
      return PRIORITY_RANK;
  }
}

function filtered(db: Kysely<Database>, filter: TicketListFilter) {
  let query = db.selectFrom('tickets');
  if (filter.requesterId) query = query.where('tickets.requester_id', '=', filter.requesterId);
  if (filter.assigneeId) query = query.where('tickets.assignee_id', '=', filter.assigneeId);
  if (filter.accountId) query = query.where('tickets.account_id', '=', filter.accountId);
  if (filter.groupId) query = query.where('tickets.group_id', '=', filter.groupId);
  return query;
}

function ordered<O>(query: SelectQueryBuilder<Database, 'tickets', O>, sort: TicketSortKey, order: SortOrder) {
  const ordered = sort === 'id' ? query : query.orderBy(sortExpression(sort), order);
  return ordered.orderBy('tickets.number', order);
}

function toListed(sort: TicketSortKey) {
  return (r: { id: string; number: number | string; sort_value: unknown }): ListedTicket => {
    const value = r.sort_value;
    const sortValue =
      sort === 'created_at' || sort === 'updated_at' ? new Date(value as string | Date).toISOString() : Number(value as number | string);
    return { id: r.id, number: Number(r.number), sortValue };
  };
}

/** One page by offset, and how many tickets the list holds in all. */
export async function ticketOffsetPage(
  db: Kysely<Database>,
  options: { sort: TicketSortKey; order: SortOrder; offset: number; limit: number; filter?: TicketListFilter },
): Promise<{ tickets: ListedTicket[]; count: number }> {
  const filter = options.filter ?? {};
  const [rows, total] = await Promise.all([
    ordered(
      filtered(db, filter).select(['tickets.id', 'tickets.number', sortExpression(options.sort).as('sort_value')]),
      options.sort,
      options.order,
    )
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { tickets: rows.map(toListed(options.sort)), count: Number(total.n) };
}

/**
 * One page by keyset: the tickets strictly after (or, walking back, before) the given position,
 * and whether more lie beyond. `limit + 1` rows are read to know that without a count.
 */
export async function ticketCursorPage(
  db: Kysely<Database>,
  options: {
    sort: TicketSortKey;
    order: SortOrder;
    limit: number;
    after?: { sortValue: string | number; number: number } | null;
    before?: { sortValue: string | number; number: number } | null;
    filter?: TicketListFilter;
  },
): Promise<{ tickets: ListedTicket[]; hasMore: boolean }> {
  const backwards = !options.after && !!options.before;
  const position = options.after ?? options.before ?? null;
  // Walking back reads the other way and turns the page round afterwards.
  const readOrder: SortOrder = backwards ? (options.order === 'asc' ? 'desc' : 'asc') : options.order;
  let query = filtered(db, options.filter ?? {}).select(['tickets.id', 'tickets.number', sortExpression(options.sort).as('sort_value')]);
  if (position) query = query.where(beyond(options.sort, readOrder, position));
  const rows = await ordered(query, options.sort, readOrder)
    .limit(options.limit + 1)
    .execute();
  const hasMore = rows.length > options.limit;
  const page = rows.slice(0, options.limit).map(toListed(options.sort));
  return { tickets: backwards ? page.reverse() : page, hasMore };
}

/** `(sort, number)` strictly beyond the position in the reading order. */
function beyond(sort: TicketSortKey, order: SortOrder, position: { sortValue: string | number; number: number }): Expression<SqlBool> {
  const op = order === 'asc' ? sql.raw('>') : sql.raw('<');
  if (sort === 'id') return sql<SqlBool>`tickets.number ${op} ${position.number}`;
  const column = sortExpression(sort);
  const value = sort === 'created_at' || sort === 'updated_at' ? String(position.sortValue) : Number(position.sortValue);
  return sql<SqlBool>`(${column} ${op} ${value} or (${column} = ${value} and tickets.number ${op} ${position.number}))`;
}
