/**
 * Batch read for the success module's business reviews (issue 15): the tickets each account opened
 * in a period, with their tags, whether an SLA policy set targets on them and whether any target was
 * breached. One query for the tickets, one for their tags, one for the breaches.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TicketPriority, TicketStatus } from '../tables.js';

export interface ReviewTicket {
  id: string;
  number: number;
  subject: string;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: string;
  solvedAt: string | null;
  tags: string[];
  /** An SLA policy set targets on the ticket. */
  hasSlaTargets: boolean;
  /** At least one of those targets was breached. */
  slaBreached: boolean;
}

/** Tickets created in [from, to) per account, oldest first. `from` and `to` are ISO instants. */
export async function ticketsForReview(
  db: Kysely<Database>,
  accountIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, ReviewTicket[]>> {
  const out = new Map<string, ReviewTicket[]>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'account_id', 'number', 'subject', 'priority', 'status', 'created_at', 'solved_at', 'sla_policy_id'])
    .where('account_id', 'in', [...new Set(accountIds)])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (!rows.length) return out;
  const ids = rows.map((r) => r.id);
  const [tags, breaches] = await Promise.all([
    db.selectFrom('ticket_tags').select(['ticket_id', 'tag']).where('ticket_id', 'in', ids).orderBy('tag').execute(),
    db
      .selectFrom('ticket_events')
      .select('ticket_id')
      .distinct()
      .where('ticket_id', 'in', ids)
      .where('type', '=', 'sla.breached')
      .execute(),
  ]);
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(t.ticket_id, [...(tagsOf.get(t.ticket_id) ?? []), t.tag]);
  const breached = new Set(breaches.map((b) => b.ticket_id));
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      priority: r.priority,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      solvedAt: r.solved_at ? new Date(r.solved_at).toISOString() : null,
      tags: tagsOf.get(r.id) ?? [],
      hasSlaTargets: r.sla_policy_id !== null,
      slaBreached: breached.has(r.id),
    });
    out.set(r.account_id, list);
  }
  return out;
}
