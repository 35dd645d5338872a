import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import * as accounts from '../../accounts/index.js';
import { enqueueEmail } from '../../platform/index.js';

/** How many earlier Message-IDs a reply carries in References (mail clients cap it similarly). */
const MAX_REFERENCES = 20;

/** The Message-ID of an agent's reply: stable, so a customer's answer threads back to the ticket. */
export function replyMessageId(ticketId: string, messageId: string): string {
  return `<ticket-${ticketId}-${messageId}@outpost>`;
}

/** The subject every mail about a ticket carries; inbound mail is matched on the `[#123]`. */
export function ticketSubject(number: number, subject: string): string {
  return `[#${number}] ${subject}`;
}

/**
 * Queues the mail that carries an agent's public reply to the requester, threaded under the
 * conversation so far: In-Reply-To the customer's latest mail (or the latest mail of the
 * ticket), References the ticket's earlier Message-IDs. Runs inside the reply's transaction.
 */
export async function enqueueReplyEmail(
  db: Kysely<Database>,
  reply: { ticketId: string; messageId: string; emailMessageId: string; body: string },
  now = new Date(),
): Promise<void> {
  const ticket = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'requester_id'])
    .where('id', '=', reply.ticketId)
    .executeTakeFirstOrThrow();
  const requester = await accounts.findContact(db, ticket.requester_id);
  if (!requester) return;
  const earlier = await db
    .selectFrom('ticket_messages')
    .select(['email_message_id', 'author_type'])
    .where('ticket_id', '=', reply.ticketId)
    .where('id', '!=', reply.messageId)
    .where('email_message_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = earlier.map((m) => m.email_message_id!);
  const lastFromCustomer = earlier.filter((m) => m.author_type === 'contact').at(-1)?.email_message_id ?? ids.at(-1);
  const headers: Record<string, string> = { 'Message-ID': reply.emailMessageId, 'X-Outpost-Ticket': String(ticket.number) };
  if (lastFromCustomer) headers['In-Reply-To'] = lastFromCustomer;
  if (ids.length) headers.References = ids.slice(-MAX_REFERENCES).join(' ');
  await enqueueEmail(
    db,
    {
      to: [requester.email],
      subject: ticketSubject(Number(ticket.number), ticket.subject),
      text: reply.body,
      headers,
      ticketId: ticket.id,
    },
    now,
  );
}
