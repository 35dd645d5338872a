import type { Kysely, Selectable } from 'kysely';
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
import { indexMessage } from './ticket-search-documents.js';
import { enqueueReplyEmail, replyMessageId } from '../email/reply-mail.js';
import { attachmentsByMessage } from '../attachments/service.js';
import { contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { TicketMessagesTable } from '../tables.js';

function messagesQuery(db: Kysely<Database>, ticketId: string) {
  return db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id');
}
// Read on every open of a ticket (agent and portal): compiled once, see compiled-read.ts.
const allMessages = compiledRead((db, ticketId: string) => messagesQuery(db, ticketId));
const publicMessages = compiledRead((db, ticketId: string) => messagesQuery(db, ticketId).where('visibility', '=', 'public'));

type MessageRow = Selectable<TicketMessagesTable>;

/** A conversation's rows and their attachments, before the authors are named. */
export interface LoadedMessages {
  rows: MessageRow[];
  attachments: Awaited<ReturnType<typeof attachmentsByMessage>>;
}

export async function loadMessages(
  db: Kysely<Database>,
  ticketId: string,
  options: { publicOnly?: boolean } = {},
): Promise<LoadedMessages> {
  const [rows, attachments] = await Promise.all([
    (options.publicOnly ? publicMessages : allMessages)(db, ticketId),
    attachmentsByMessage(db, ticketId),
  ]);
  return { rows, attachments };
}

/** Who wrote the messages, as the ids to read from the team module and from the accounts module. */
export function authorIds(rows: MessageRow[]): { members: (string | null)[]; contacts: (string | null)[] } {
  return {
    members: rows.filter((r) => r.author_type === 'member').map((r) => r.author_id),
    contacts: rows.filter((r) => r.author_type === 'contact').map((r) => r.author_id),
  };
}

/** The conversation with its authors' names (members and contacts read by the caller, in one read each). */
export function toMessages(
  loaded: LoadedMessages,
  members: Map<string, { name: string }>,
  contacts: Map<string, { name: string }>,
): TicketMessage[] {
  const authorName = (r: MessageRow) => {
    if (!r.author_id) return undefined;
    if (r.author_type === 'member') return members.get(r.author_id)?.name;
    if (r.author_type === 'contact') return contacts.get(r.author_id)?.name;
    return undefined;
  };
  const { rows, attachments } = loaded;
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    visibility: r.visibility,
    author: { type: r.author_type, id: r.author_id, name: authorName(r) ?? 'Outpost' },
    body: r.body,
    via: r.via,
    createdAt: r.created_at,
    attachments: attachments.get(r.id) ?? [],
  }));
}

export async function listMessages(
  db: Kysely<Database>,
  ticketId: string,
  options: { publicOnly?: boolean } = {},
): Promise<TicketMessage[]> {
  const loaded = await loadMessages(db, ticketId, options);
  const ids = authorIds(loaded.rows);
  const [members, contacts] = await Promise.all([memberRefs(db, ids.members), contactRefs(db, ids.contacts)]);
  return toMessages(loaded, members, contacts);
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
      .values({
        id,
        ticket_id: ticketId,
        visibility: input.visibility,
        author_type: 'member',
        author_id: ctx.memberId,
        body: input.body,
        via,
        email_message_id: emailMessageId,
        created_at: at,
      })
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
    await repo.recordTicketEvent(
      trx,
      ticketId,
      actorOfContext(ctx),
      input.visibility === 'public' ? 'message.replied' : 'message.noted',
      { messageId: id, status: patch.status ?? row.status },
      at,
    );
    await recordAudit(trx, ctx, {
      action: `ticket.${input.visibility === 'public' ? 'replied' : 'noted'}`,
      recordType: 'ticket',
      recordId: ticketId,
      changes: patch.status ? { status: [row.status, patch.status] } : {},
    });
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
      .values({
        id,
        ticket_id: ticketId,
        visibility: 'public',
        author_type: 'contact',
        author_id: contactId,
        body,
        via,
        email_message_id: emailMessageId,
        created_at: at,
      })
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
    await repo.recordTicketEvent(
      trx,
      ticketId,
      { type: 'contact', id: contactId },
      'message.received',
      { messageId: id, via, status: patch.status ?? row.status },
      at,
    );
    await recordAudit(
      trx,
      { actorType: 'contact', actorId: contactId, memberId: null, ip: null },
      { action: 'ticket.customer_message', recordType: 'ticket', recordId: ticketId },
    );
  });
  return messageById(db, ticketId, id);
}
