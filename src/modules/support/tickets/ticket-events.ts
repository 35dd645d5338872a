import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** A ticket's history, oldest first, with the acting member's or contact's name. */
export async function listTicketEvents(db: Kysely<Database>, ticketId: string) {
  const rows = await db
    .selectFrom('ticket_events')
    .leftJoin('members', 'members.id', 'ticket_events.actor_id')
    .leftJoin('contacts', 'contacts.id', 'ticket_events.actor_id')
    .leftJoin('escalation_rules', 'escalation_rules.id', 'ticket_events.actor_id')
    .selectAll('ticket_events')
    .select(['members.name as member_name', 'contacts.name as contact_name', 'escalation_rules.name as rule_name'])
    .where('ticket_events.ticket_id', '=', ticketId)
    .orderBy('ticket_events.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.member_name ?? r.contact_name ?? r.rule_name ?? null,
    type: r.type,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
