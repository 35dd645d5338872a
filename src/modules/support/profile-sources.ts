import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the team module's role profile (issue 17) reads from support: the tickets each member worked
 * in a period — wrote on, or held as assignee while it moved — counted by tier and account, so the
 * profile can tell a Tier 1 queue from Tier 2 escalations and the company's own staff from customers.
 */
export async function ticketWorkMix(
  db: Kysely<Database>,
  memberIds: readonly string[],
  from: string,
  to: string,
): Promise<{ memberId: string; kind: string; count: number; accountId: string }[]> {
  if (!memberIds.length) return [];
  const start = new Date(`${from}T00:00:00Z`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  const [written, assigned] = await Promise.all([
    db
      .selectFrom('ticket_messages')
      .innerJoin('tickets', 'tickets.id', 'ticket_messages.ticket_id')
      .select(['ticket_messages.author_id as memberId', 'tickets.id', 'tickets.tier', 'tickets.account_id'])
      .distinct()
      .where('ticket_messages.author_type', '=', 'member')
      .where('ticket_messages.author_id', 'in', [...memberIds])
      .where('ticket_messages.created_at', '>=', start)
      .where('ticket_messages.created_at', '<', end)
      .execute(),
    db
      .selectFrom('tickets')
      .select(['assignee_id as memberId', 'id', 'tier', 'account_id'])
      .where('assignee_id', 'in', [...memberIds])
      .where('updated_at', '>=', start)
      .where('created_at', '<', end)
      .execute(),
  ]);
  const seen = new Set<string>();
  const counts = new Map<string, { memberId: string; kind: string; count: number; accountId: string }>();
  for (const r of [...written, ...assigned]) {
    if (!r.memberId || seen.has(`${r.memberId}|${r.id}`)) continue;
    seen.add(`${r.memberId}|${r.id}`);
    const key = `${r.memberId}|${r.tier}|${r.account_id}`;
    const entry = counts.get(key) ?? { memberId: r.memberId, kind: `ticket_${r.tier}`, count: 0, accountId: r.account_id };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
