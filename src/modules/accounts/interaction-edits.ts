import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { diff, recordAudit } from '../../kernel/audit.js';
import { errors } from '../../kernel/errors.js';
import { inTransaction } from '../../kernel/transaction.js';
import * as team from '../team/index.js';
import type { CreateInteractionInput } from './contract/accounts.js';
import { refreshRelationship } from './service.js';

/** What a record that logged an interaction (a demo) may correct on it later; the kind and account stay. */
export type InteractionCorrection = Partial<Omit<CreateInteractionInput, 'kind'>>;

async function attendeesOf(db: Kysely<Database>, id: string): Promise<{ memberIds: string[]; contactIds: string[] }> {
  const rows = await db
    .selectFrom('interaction_attendees')
    .select(['attendee_type', 'attendee_id'])
    .where('interaction_id', '=', id)
    .orderBy('attendee_id')
    .execute();
  return {
    memberIds: rows.filter((r) => r.attendee_type === 'member').map((r) => r.attendee_id),
    contactIds: rows.filter((r) => r.attendee_type === 'contact').map((r) => r.attendee_id),
  };
}

/**
 * Brings an interaction in line with the record it was logged for (a demo whose date, audience or
 * notes were corrected), with the same checks as logging it: contacts of its account, known
 * members. Audited; the account's relationship depth is recomputed, since the date counts there.
 */
export async function correctInteraction(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: InteractionCorrection,
): Promise<void> {
  const before = await db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw errors.interactionNotFound();
  const contactIds = input.contactIds && [...new Set(input.contactIds)].sort();
  const memberIds = input.memberIds && [...new Set(input.memberIds)].sort();
  if (contactIds?.length) {
    const found = await db.selectFrom('contacts').select(['id', 'account_id']).where('id', 'in', contactIds).execute();
    if (found.length !== contactIds.length) throw errors.referenceMissing('contact', 'contactIds');
    if (found.some((c) => c.account_id !== before.account_id)) throw errors.attendeeNotOnAccount();
  }
  if (memberIds?.length && (await team.memberRefs(db, memberIds)).size !== memberIds.length) {
    throw errors.referenceMissing('member', 'memberIds');
  }
  const attendees = await attendeesOf(db, id);
  const after = {
    occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : before.occurred_at,
    duration_minutes: input.durationMinutes ?? Number(before.duration_minutes),
    subject: input.subject ?? before.subject,
    notes: input.notes !== undefined ? (input.notes ?? null) : before.notes,
  };
  const view = (row: typeof after, who: typeof attendees) => ({
    occurredAt: row.occurred_at,
    durationMinutes: Number(row.duration_minutes),
    subject: row.subject,
    notes: row.notes,
    memberIds: who.memberIds,
    contactIds: who.contactIds,
  });
  const next = { memberIds: memberIds ?? attendees.memberIds, contactIds: contactIds ?? attendees.contactIds };
  const changes = diff(view(before, attendees), view(after, next));
  if (!Object.keys(changes).length) return;
  await inTransaction(db, async (trx) => {
    await trx.updateTable('interactions').set(after).where('id', '=', id).execute();
    if (changes.memberIds || changes.contactIds) {
      await trx.deleteFrom('interaction_attendees').where('interaction_id', '=', id).execute();
      const rows = [
        ...next.memberIds.map((a) => ({ interaction_id: id, attendee_type: 'member' as const, attendee_id: a })),
        ...next.contactIds.map((a) => ({ interaction_id: id, attendee_type: 'contact' as const, attendee_id: a })),
      ];
      if (rows.length) await trx.insertInto('interaction_attendees').values(rows).execute();
    }
    await refreshRelationship(trx, before.account_id);
    await recordAudit(trx, ctx, { action: 'interaction.updated', recordType: 'interaction', recordId: id, changes });
  });
}
