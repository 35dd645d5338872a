import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';

/** A ticket's history, oldest first, with the acting member's, contact's or rule's name. */
export async function listTicketEvents(db: Kysely<Database>, ticketId: string) {
  const rows = await db
    .selectFrom('ticket_events')
    .leftJoin('escalation_rules', 'escalation_rules.id', 'ticket_events.actor_id')
    .selectAll('ticket_events')
    .select('escalation_rules.name as rule_name')
    .where('ticket_events.ticket_id', '=', ticketId)
    .orderBy('ticket_events.id')
    .execute();
  // An actor id is looked up as a member and as a contact alike, whatever the actor type says.
  const actorIds = rows.map((r) => r.actor_id);
  const [members, contacts] = await Promise.all([memberRefs(db, actorIds), contactRefs(db, actorIds)]);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: (r.actor_id ? (members.get(r.actor_id)?.name ?? contacts.get(r.actor_id)?.name) : undefined) ?? r.rule_name ?? null,
    type: r.type,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
