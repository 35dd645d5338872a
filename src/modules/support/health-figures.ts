/**
 * Batch reads for the success module's health pass (issue 15): unsolved tickets, SLA breaches and
 * CSAT per account, with the tickets behind each figure as evidence. One grouped query per figure
 * over the given accounts, so the daily pass over 10k accounts costs a handful of queries.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A ticket named as the evidence of a health measure. */
export interface TicketEvidence {
  id: string;
  number: number;
  subject: string;
}

const distinct = (ids: readonly string[]) => [...new Set(ids)];

/**
 * The partial indexes' conditions (migration 0032), spelled as literals: a database uses a partial
 * index only when the query's own conditions, as written, imply the index's.
 */
const UNSOLVED = sql<boolean>`tickets.status not in ('solved', 'closed')`;
const BREACH_EVENT = sql<boolean>`ticket_events.type = 'sla.breached'`;

/** Unsolved tickets per account, with the three oldest (the evidence). */
export async function openTickets(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, { count: number; oldest: TicketEvidence[] }>> {
  const out = new Map<string, { count: number; oldest: TicketEvidence[] }>();
  if (!accountIds.length) return out;
  // Counts and the three oldest ids from the index of unsolved tickets alone; then the numbers and
  // subjects of those few tickets by id.
  const ranked = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('tickets')
        .select([
          'account_id',
          'id',
          sql<number>`count(*) over (partition by account_id)`.as('n'),
          sql<number>`row_number() over (partition by account_id order by created_at, id)`.as('rn'),
        ])
        .where('account_id', 'in', distinct(accountIds))
        .where(UNSOLVED)
        .as('t'),
    )
    .selectAll()
    .where('rn', '<=', 3)
    .execute();
  if (!ranked.length) return out;
  const details = new Map(
    (
      await db
        .selectFrom('tickets')
        .select(['id', 'number', 'subject'])
        .where(
          'id',
          'in',
          ranked.map((r) => r.id),
        )
        .execute()
    ).map((t) => [t.id, t]),
  );
  ranked.sort((a, b) => (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : Number(a.rn) - Number(b.rn)));
  for (const r of ranked) {
    let entry = out.get(r.account_id);
    if (!entry) out.set(r.account_id, (entry = { count: Number(r.n), oldest: [] }));
    const ticket = details.get(r.id);
    if (ticket) entry.oldest.push({ id: r.id, number: Number(ticket.number), subject: ticket.subject });
  }
  return out;
}

/** SLA targets breached since `since` (the support module records each breach once, as a ticket event), by ticket. */
export async function slaBreaches(
  db: Kysely<Database>,
  accountIds: readonly string[],
  since: string,
): Promise<Map<string, { count: number; tickets: (TicketEvidence & { breaches: number })[] }>> {
  const out = new Map<string, { count: number; tickets: (TicketEvidence & { breaches: number })[] }>();
  if (!accountIds.length) return out;
  // The period's breach events first (the partial index, by time; few next to all events), grouped
  // by ticket; then their tickets by id, kept when of the given accounts. Starting from the
  // accounts' tickets instead reads every event they ever had.
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('ticket_events')
        .select(['ticket_id', sql<number>`count(*)`.as('breaches')])
        .where(BREACH_EVENT)
        .where('ticket_events.at', '>=', since)
        .groupBy('ticket_id')
        .as('b'),
    )
    .innerJoin('tickets as t', 't.id', 'b.ticket_id')
    .select(['t.account_id', 't.id', 't.number', 't.subject', 'b.breaches'])
    .where('t.account_id', 'in', distinct(accountIds))
    .execute();
  for (const r of rows) {
    let entry = out.get(r.account_id);
    if (!entry) out.set(r.account_id, (entry = { count: 0, tickets: [] }));
    entry.count += Number(r.breaches);
    entry.tickets.push({ id: r.id, number: Number(r.number), subject: r.subject, breaches: Number(r.breaches) });
  }
  for (const entry of out.values()) entry.tickets.sort((a, b) => b.breaches - a.breaches || b.number - a.number);
  return out;
}

/**
 * CSAT answers since `since`. Outpost's survey asks good / bad; on the 1–5 scale the health model
 * speaks, good counts 5 and bad 1 (so 4.5 = 87.5 % good, 3 = half good).
 */
export async function csatFigures(
  db: Kysely<Database>,
  accountIds: readonly string[],
  since: string,
  until: string,
): Promise<Map<string, { answers: number; good: number; average: number; badTicketId: string | null }>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('csat_surveys')
    .select([
      'account_id',
      sql<number>`count(*)`.as('answers'),
      sql<number>`sum(case when rating = 'good' then 1 else 0 end)`.as('good'),
      sql<string | null>`max(case when rating = 'bad' then ticket_id end)`.as('bad_ticket_id'),
    ])
    .where('account_id', 'in', distinct(accountIds))
    .where('rating', 'is not', null)
    .where('rated_at', '>=', since)
    .where('rated_at', '<=', until)
    .groupBy('account_id')
    .execute();
  return new Map(
    rows.map((r) => {
      const answers = Number(r.answers);
      const good = Number(r.good);
      return [r.account_id, { answers, good, average: (good * 5 + (answers - good) * 1) / answers, badTicketId: r.bad_ticket_id }];
    }),
  );
}
