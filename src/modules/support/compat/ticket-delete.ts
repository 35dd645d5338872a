import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { removeFromIndex } from '../../search/index.js';

/**
 * Deletes a ticket for good (the Zendesk-compatible API's DELETE /tickets/:id, issue 18): the
 * ticket, its conversation, tags, events, escalations, custom field values and search entries go
 * in one transaction, and the audit log keeps who deleted which ticket (its number, subject,
 * account and requester). Zendesk parks a deleted ticket for 30 days before purging it; Outpost
 * has no bin, so the API shows the same thing at once: 404 from then on. Ticket numbers are never
 * given out again. A ticket linked to an engineering issue is refused (unlink it first), rather
 * than leaving the issue pointing at nothing.
 */
export async function deleteTicket(db: Kysely<Database>, ctx: ChangeContext, ticketId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('tickets')
      .select(['id', 'number', 'subject', 'account_id', 'requester_id', 'status'])
      .where('id', '=', ticketId)
      .executeTakeFirst();
    if (!row) throw errors.ticketNotFound();
    const messages = await trx.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticketId).execute();
    for (const m of messages) await removeFromIndex(trx, 'message', m.id);
    await removeFromIndex(trx, 'ticket', ticketId);
    // No foreign key holds the values to their ticket (migration 0038): they go by hand.
    await trx.deleteFrom('ticket_field_values').where('ticket_id', '=', ticketId).execute();
    try {
      // Messages, tags, events, escalations, runbook runs and attachments cascade.
      await trx.deleteFrom('tickets').where('id', '=', ticketId).execute();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw errors.zendeskTicketLinked();
      throw err;
    }
    await recordAudit(trx, ctx, {
      action: 'ticket.deleted',
      recordType: 'ticket',
      recordId: ticketId,
      changes: {
        number: [Number(row.number), null],
        subject: [row.subject, null],
        status: [row.status, null],
        accountId: [row.account_id, null],
        requesterId: [row.requester_id, null],
      },
    });
  });
}
