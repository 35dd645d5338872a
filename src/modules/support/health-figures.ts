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

/** Unsolved tickets per account, with the three oldest (the evidence). */
export async function openTickets(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, { count: number; oldest: TicketEvidence[] }>> {
  const out = new Map<string, { count: number; oldest: TicketEvidence[] }>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('tickets')
        .select([
          'account_id',
          'id',
          'number',
          'subject',
          sql<number>`count(*) over (partition by account_id)`.as('n'),
          sql<number>`row_number() over (partition by account_id order by created_at, id)`.as('rn'),
        ])
        .where('account_id', 'in', distinct(accountIds))
        .where('status', 'not in', ['solved', 'closed'])
        .as('t'),
    )
    .selectAll()
    .where('rn', '<=', 3)
    .orderBy('account_id')
    .orderBy('rn')
    .execute();
  for (const r of rows) {
    let entry = out.get(r.account_id);
    if (!entry) out.set(r.account_id, (entry = { count: Number(r.n), oldest: [] }));
    entry.oldest.push({ id: r.id, number: Number(r.number), subject: r.subject });
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
  const rows = await db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select(['t.account_id', 't.id', 't.number', 't.subject', sql<number>`count(*)`.as('breaches')])
    .where('t.account_id', 'in', distinct(accountIds))
    .where('e.type', '=', 'sla.breached')
    .where('e.at', '>=', since)
    .groupBy(['t.account_id', 't.id', 't.number', 't.subject'])
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
