import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { ticketsWithContext } from '../tickets/ticket-context.read-model.js';
import * as repo from '../tickets/ticket-repository.js';
import { viewFiltersSchema, type Ticket, type TicketListQuery, type ViewFilters } from '../contract/tickets.js';

export interface TicketView {
  id: string;
  name: string;
  position: number;
  filters: ViewFilters;
  shared: boolean;
  count?: number;
}

/** The views every workspace starts with (DESIGN: mine, Tier 1 unassigned, breaching soon…). */
export const DEFAULT_VIEWS: { id: string; name: string; filters: ViewFilters }[] = [
  { id: 'view-mine', name: 'My open tickets', filters: { assignee: 'me', statuses: ['new', 'open', 'pending', 'on_hold'] } },
  { id: 'view-tier1-unassigned', name: 'Tier 1 unassigned', filters: { tiers: ['tier1'], assignee: 'none', statuses: ['new', 'open'] } },
  { id: 'view-tier2', name: 'Tier 2 queue', filters: { tiers: ['tier2'], statuses: ['new', 'open', 'pending', 'on_hold'] } },
  { id: 'view-breaching', name: 'Breaching within an hour', filters: { statuses: ['new', 'open'], dueWithinMinutes: 60 } },
  { id: 'view-waiting', name: 'Waiting on customer', filters: { statuses: ['pending'] } },
  {
    id: 'view-engineering',
    name: 'Escalated to engineering',
    filters: { tiers: ['engineering'], statuses: ['new', 'open', 'pending', 'on_hold'] },
  },
  { id: 'view-unsolved', name: 'All unsolved', filters: { statuses: ['new', 'open', 'pending', 'on_hold'] } },
];

export async function ensureDefaultViews(db: Kysely<Database>): Promise<void> {
  const existing = await db
    .selectFrom('ticket_views')
    .select('id')
    .where(
      'id',
      'in',
      DEFAULT_VIEWS.map((v) => v.id),
    )
    .execute();
  const have = new Set(existing.map((r) => r.id));
  const missing = DEFAULT_VIEWS.map((v, position) => ({ ...v, position })).filter((v) => !have.has(v.id));
  if (missing.length === 0) return;
  await db
    .insertInto('ticket_views')
    .values(
      missing.map((v) => ({
        id: v.id,
        name: v.name,
        position: v.position,
        filters: JSON.stringify(v.filters),
        owner_id: null,
        created_at: new Date().toISOString(),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** A view's filters as one condition on `tickets`, for the queue query and the count alike. */
function viewCondition(filters: ViewFilters, memberId: string | null, now: Date) {
  return (eb: ExpressionBuilder<Database, 'tickets'>) => {
    const all: Expression<SqlBool>[] = [];
    // A one-value list is written as `=`: SQLite plans `tier in (?)` as a list it knows nothing
    // about and counted "Tier 1 unassigned" through every unassigned ticket (57 ms at 1M tickets)
    // instead of the tier's open ones (0.7 ms).
    const [status, tier, priority] = [filters.statuses, filters.tiers, filters.priorities];
    if (status) all.push(status.length === 1 ? eb('tickets.status', '=', status[0]!) : eb('tickets.status', 'in', status));
    if (tier) all.push(tier.length === 1 ? eb('tickets.tier', '=', tier[0]!) : eb('tickets.tier', 'in', tier));
    if (priority) all.push(priority.length === 1 ? eb('tickets.priority', '=', priority[0]!) : eb('tickets.priority', 'in', priority));
    if (filters.assignee === 'none') all.push(eb('tickets.assignee_id', 'is', null));
    else if (filters.assignee === 'me') all.push(eb('tickets.assignee_id', '=', memberId ?? ''));
    else if (filters.assignee) all.push(eb('tickets.assignee_id', '=', filters.assignee));
    if (filters.groupId) all.push(eb('tickets.group_id', '=', filters.groupId));
    if (filters.accountId) all.push(eb('tickets.account_id', '=', filters.accountId));
    if (filters.tag) {
      all.push(
        eb.exists(
          eb
            .selectFrom('ticket_tags')
            .select('ticket_tags.ticket_id')
            .whereRef('ticket_tags.ticket_id', '=', 'tickets.id')
            .where('ticket_tags.tag', '=', filters.tag),
        ),
      );
    }
    if (filters.dueWithinMinutes)
      all.push(eb('tickets.sla_due_at', '<=', new Date(now.getTime() + filters.dueWithinMinutes * 60_000).toISOString()));
    return eb.and(all);
  };
}

function filtered(db: Kysely<Database>, filters: ViewFilters, memberId: string | null, now: Date) {
  return ticketsWithContext(db).where(viewCondition(filters, memberId, now));
}

export async function findView(db: Kysely<Database>, id: string, memberId: string | null): Promise<TicketView> {
  const row = await db.selectFrom('ticket_views').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.owner_id !== null && row.owner_id !== memberId)) throw errors.viewNotFound();
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    filters: viewFiltersSchema.parse(JSON.parse(row.filters)),
    shared: row.owner_id === null,
  };
}

/** Shared views and the member's own, each with its ticket count. */
export async function listViews(db: Kysely<Database>, memberId: string | null, now = new Date()): Promise<TicketView[]> {
  const rows = await db
    .selectFrom('ticket_views')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', memberId ?? '')]))
    .orderBy('position')
    .orderBy('name')
    .execute();
  return Promise.all(
    rows.map(async (row) => {
      const filters = viewFiltersSchema.parse(JSON.parse(row.filters));
      // Counted on tickets alone: every ticket has its account and requester, so the joins the
      // queue needs for display would only slow the count.
      const counted = await db
        .selectFrom('tickets')
        .where(viewCondition(filters, memberId, now))
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, position: row.position, filters, shared: row.owner_id === null, count: Number(counted.n) };
    }),
  );
}

export async function createView(
  db: Kysely<Database>,
  input: { name: string; filters: ViewFilters; shared: boolean },
  memberId: string,
): Promise<TicketView> {
  const id = newId();
  const max = await db
    .selectFrom('ticket_views')
    .select(sql<number>`max(position)`.as('p'))
    .executeTakeFirst();
  const position = Number(max?.p ?? 0) + 1;
  await db
    .insertInto('ticket_views')
    .values({
      id,
      name: input.name,
      position,
      filters: JSON.stringify(input.filters),
      owner_id: input.shared ? null : memberId,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id, name: input.name, position, filters: input.filters, shared: input.shared };
}

/**
 * One page of a queue, sorted by the nearest SLA due time (tickets with no active target last),
 * by keyset over (sla_due_at, id): one indexed range scan per page however deep. A queue of
 * several statuses reads one such range per status and merges them: an IN list on the index's
 * leading column would otherwise make both databases collect and sort every matching ticket
 * (every unsolved ticket, for the default queue) to return fifty.
 */
export async function listTickets(
  db: Kysely<Database>,
  query: TicketListQuery,
  memberId: string | null,
  now = new Date(),
): Promise<Page<Ticket>> {
  let filters: ViewFilters = {};
  if (query.view) filters = (await findView(db, query.view, memberId)).filters;
  if (query.status) filters = { ...filters, statuses: [query.status] };
  if (query.tier) filters = { ...filters, tiers: [query.tier] };
  if (query.assignee) filters = { ...filters, assignee: query.assignee };
  if (query.accountId) filters = { ...filters, accountId: query.accountId };
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  // The page's conditions, on the tickets table alone or with the group's name.
  const narrowed = <Q extends SelectQueryBuilder<Database, 'tickets', object>>(q: Q): Q => {
    let out = q;
    if (query.requesterId) out = out.where('tickets.requester_id', '=', query.requesterId) as Q;
    if (query.type) out = out.where('tickets.type', '=', query.type) as Q;
    // sla_due_at may be null in the schema (NO_DUE stands in for it): the cursor's value is compared as text, as it always was.
    if (cursor)
      out = out.where(keysetAfter('tickets.sla_due_at', 'tickets.id', { sortValue: String(cursor.sortValue), id: cursor.id }, 'asc')) as Q;
    return out
      .orderBy('tickets.sla_due_at')
      .orderBy('tickets.id')
      .limit(query.limit + 1) as Q;
  };
  const range = (f: ViewFilters) => narrowed(filtered(db, f, memberId, now));
  const keyRange = (f: ViewFilters) =>
    narrowed(
      db
        .selectFrom('tickets')
        .where(viewCondition(f, memberId, now))
        .select(['tickets.id', 'tickets.sla_due_at']),
    );
  const statuses = filters.statuses && filters.statuses.length > 1 ? filters.statuses : null;
  let rows: repo.ContextRow[];
  if (statuses) {
    // One statement: each status's first keys from its own index range (index-only, no joins), the
    // ranges merged and cut to the page by the database, and only the page's rows joined with their
    // context. Sent as one statement per status and one for the rows, the page took six round trips
    // and most of its time was theirs, not the database's (issue 19: 0.2 ms of planning and
    // execution each on PostgreSQL).
    const [first, ...others] = statuses.map((status, i) =>
      db.selectFrom(keyRange({ ...filters, statuses: [status] }).as(`status_${i}`)).select(['id', 'sla_due_at']),
    );
    const merged = others.reduce((union, next) => union.unionAll(next), first!);
    const pageKeys = db
      .selectFrom(merged.as('merged'))
      .select(['merged.id', 'merged.sla_due_at'])
      .orderBy('merged.sla_due_at')
      .orderBy('merged.id')
      .limit(query.limit + 1);
    rows = (await ticketsWithContext(db)
      .innerJoin(pageKeys.as('page_keys'), 'page_keys.id', 'tickets.id')
      .orderBy('tickets.sla_due_at')
      .orderBy('tickets.id')
      .execute()) as repo.ContextRow[];
  } else {
    rows = (await range(filters).execute()) as repo.ContextRow[];
  }
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.sla_due_at, r.id));
  return { items: await repo.ticketsFromContext(db, page.items), nextCursor: page.nextCursor };
}
