import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { compiledRead } from '../../../db/compiled-read.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import * as repo from './ticket-repository.js';
import type { AddMessageInput, TicketMessage } from '../contract/tickets.js';
import { onAgentPublicReply, onCustomerMessage, type SlaState } from '../sla/sla-clock.js';
import { recordRevealedBreaches, slaColumns, slaContextOf } from '../sla/sla-service.js';
import { actorOfContext, applyStatus } from './ticket-service.js';
import { indexMessage } from '../../search/index.js';
import { enqueueReplyEmail, replyMessageId } from '../email/reply-mail.js';
import { attachmentsByMessage } from '../attachments/service.js';

function messagesQuery(db: Kysely<Database>, ticketId: string) {
  return db
    .selectFrom('ticket_messages')
    .leftJoin('members', (j) => j.onRef('members.id', '=', 'ticket_messages.author_id').on('ticket_messages.author_type', '=', 'member'))
    .leftJoin('contacts', (j) => j.onRef('contacts.id', '=', 'ticket_messages.author_id').on('ticket_messages.author_type', '=', 'contact'))
    .selectAll('ticket_messages')
    .select(['members.name as member_name', 'contacts.name as contact_name'])
    .where('ticket_messages.ticket_id', '=', ticketId)
    .orderBy('ticket_messages.created_at')
    .orderBy('ticket_messages.id');
}
// Read on every open of a ticket (agent and portal): compiled once, see compiled-read.ts.
const allMessages = compiledRead((db, ticketId: string) => messagesQuery(db, ticketId));
const publicMessages = compiledRead((db, ticketId: string) => messagesQuery(db, ticketId).where('ticket_messages.visibility', '=', 'public'));

export async function listMessages(db: Kysely<Database>, ticketId: string, options: { publicOnly?: boolean } = {}): Promise<TicketMessage[]> {
  const [rows, attachments] = await Promise.all([(options.publicOnly ? publicMessages : allMessages)(db, ticketId), attachmentsByMessage(db, ticketId)]);
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    visibility: r.visibility,
    author: { type: r.author_type, id: r.author_id, name: r.member_name ?? r.contact_name ?? 'Outpost' },
    body: r.body,
    via: r.via,
    createdAt: r.created_at,
    attachments: attachments.get(r.id) ?? [],
  }));
}

async function messageById(db: Kysely<Database>, ticketId: string, id: string): Promise<TicketMessage> {
  const all = await listMessages(db, ticketId);
  return all.find((m) => m.id === id)!;
}

/**
 * A member's reply or internal note. A public reply meets the first- and next-reply targets and
 * opens a new ticket; "submit as" sets the status in the same change.
 */
export async function addAgentMessage(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  input: AddMessageInput,
  via: 'web' | 'api' = 'web',
  now = new Date(),
): Promise<TicketMessage> {
  const row = await repo.findTicketRow(db, ticketId);
  if (!row) throw errors.ticketNotFound();
  if (row.status === 'closed') throw errors.ticketClosed();
  const id = newId();
  const at = now.toISOString();
  const emailMessageId = input.visibility === 'public' ? replyMessageId(ticketId, id) : null;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('ticket_messages')
      .values({ id, ticket_id: ticketId, visibility: input.visibility, author_type: 'member', author_id: ctx.memberId, body: input.body, via, email_message_id: emailMessageId, created_at: at })
      .execute();
    await indexMessage(trx, id);
    // A public reply goes to the requester by e-mail; internal notes never leave the desk.
    if (emailMessageId) await enqueueReplyEmail(trx, { ticketId, messageId: id, emailMessageId, body: input.body }, now);
    let patch: Partial<repo.TicketRow> = { updated_at: at };
    let current: repo.TicketRow = row;
    if (input.visibility === 'public') {
      const sla = await slaContextOf(trx, row.sla_policy_id, row.priority);
      const before = JSON.parse(row.sla_state) as SlaState;
      const state = onAgentPublicReply(before, now, sla.targets, sla.calendar);
      await recordRevealedBreaches(trx, ticketId, before, state, at);
      patch = { ...patch, ...slaColumns(state) };
      current = { ...row, ...patch };
    }
    const target = input.status ?? (row.status === 'new' && input.visibility === 'public' ? 'open' : undefined);
    if (target) patch = { ...patch, ...(await applyStatus(trx, current, target, now)) };
    if (row.status === 'new' && !row.assignee_id && input.visibility === 'public' && ctx.memberId) patch.assignee_id = ctx.memberId;
    await trx.updateTable('tickets').set(patch).where('id', '=', ticketId).execute();
    await repo.recordTicketEvent(trx, ticketId, actorOfContext(ctx), input.visibility === 'public' ? 'message.replied' : 'message.noted', { messageId: id, status: patch.status ?? row.status }, at);
    await recordAudit(trx, ctx, { action: `ticket.${input.visibility === 'public' ? 'replied' : 'noted'}`, recordType: 'ticket', recordId: ticketId, changes: patch.status ? { status: [row.status, patch.status] } : {} });
  });
  return messageById(db, ticketId, id);
}

/** A customer's message (portal or e-mail): starts the next-reply target and reopens the case. */
export async function addCustomerMessage(
  db: Kysely<Database>,
  ticketId: string,
  contactId: string,
  body: string,
  via: 'portal' | 'email',
  emailMessageId: string | null = null,
  now = new Date(),
): Promise<TicketMessage> {
  const row = await repo.findTicketRow(db, ticketId);
  if (!row) throw errors.ticketNotFound();
  if (row.status === 'closed') throw errors.ticketClosed();
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('ticket_messages')
      .values({ id, ticket_id: ticketId, visibility: 'public', author_type: 'contact', author_id: contactId, body, via, email_message_id: emailMessageId, created_at: at })
      .execute();
    await indexMessage(trx, id);
    let patch: Partial<repo.TicketRow> = { updated_at: at };
    let current = row;
    // A customer answering a solved or waiting case puts it back in front of the team.
    if (row.status === 'solved' || row.status === 'pending' || row.status === 'on_hold') {
      patch = { ...patch, ...(await applyStatus(trx, row, 'open', now)) };
      current = { ...row, ...patch };
    }
    const sla = await slaContextOf(trx, row.sla_policy_id, row.priority);
    patch = { ...patch, ...slaColumns(onCustomerMessage(JSON.parse(current.sla_state) as SlaState, now, sla.targets, sla.calendar)) };
    await trx.updateTable('tickets').set(patch).where('id', '=', ticketId).execute();
    await repo.recordTicketEvent(trx, ticketId, { type: 'contact', id: contactId }, 'message.received', { messageId: id, via, status: patch.status ?? row.status }, at);
    await recordAudit(trx, { actorType: 'contact', actorId: contactId, memberId: null, ip: null }, { action: 'ticket.customer_message', recordType: 'ticket', recordId: ticketId });
  });
  return messageById(db, ticketId, id);
}
