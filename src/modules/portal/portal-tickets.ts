import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { errors } from '../../kernel/errors.js';
import type { Page } from '../../kernel/pagination.js';
import {
  addCustomerMessage,
  createTicket,
  findAccountTicket,
  listAccountTickets,
  listMessages,
  type AccountTicket,
} from '../support/index.js';
import { contactContext, type PortalContact } from '../identity/index.js';

/** What a customer sees of a ticket: no tier, SLA, group or internal notes. */
export interface PortalTicket {
  id: string;
  number: number;
  subject: string;
  status: 'open' | 'awaiting_your_reply' | 'solved' | 'closed';
  requester: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface PortalMessage {
  id: string;
  author: { name: string; fromSupport: boolean };
  body: string;
  createdAt: string;
}

/** The customer's words for our statuses (Zendesk's help center does the same). */
function customerStatus(status: string): PortalTicket['status'] {
  if (status === 'pending') return 'awaiting_your_reply';
  if (status === 'solved') return 'solved';
  if (status === 'closed') return 'closed';
  return 'open';
}

function toPortalTicket(t: AccountTicket): PortalTicket {
  return { ...t, status: customerStatus(t.status) };
}

/** The organisation's tickets, most recently updated first. */
export async function listPortalTickets(
  db: Kysely<Database>,
  contact: PortalContact,
  q: { status?: 'open' | 'solved' | undefined; mine?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<PortalTicket>> {
  // Isolation: every portal query is scoped to the signed-in contact's account, on the server.
  const page = await listAccountTickets(db, contact.accountId, {
    statuses: q.status === 'open' ? ['new', 'open', 'pending', 'on_hold'] : q.status === 'solved' ? ['solved', 'closed'] : undefined,
    requesterId: q.mine ? contact.contactId : undefined,
    cursor: q.cursor,
    limit: q.limit,
  });
  return { items: page.items.map(toPortalTicket), nextCursor: page.nextCursor };
}

/** One of the organisation's tickets; another account's id answers 404, never the record. */
export async function getPortalTicket(
  db: Kysely<Database>,
  contact: PortalContact,
  id: string,
): Promise<{ ticket: PortalTicket; messages: PortalMessage[] }> {
  const ticket = await findAccountTicket(db, contact.accountId, id);
  if (!ticket) throw errors.ticketNotFound();
  const messages = await listMessages(db, id, { publicOnly: true });
  return {
    ticket: toPortalTicket(ticket),
    messages: messages.map((m) => ({
      id: m.id,
      author: { name: m.author.name, fromSupport: m.author.type !== 'contact' },
      body: m.body,
      createdAt: m.createdAt,
    })),
  };
}

export async function createPortalTicket(
  db: Kysely<Database>,
  contact: PortalContact,
  input: { subject: string; description: string; priority: 'low' | 'normal' | 'high' | 'urgent' },
  ip: string | null,
): Promise<PortalTicket> {
  const ticket = await createTicket(
    db,
    contactContext(contact, ip),
    {
      subject: input.subject,
      description: input.description,
      requesterId: contact.contactId,
      priority: input.priority,
      channel: 'portal',
      tags: [],
    },
    'portal',
  );
  return (await getPortalTicket(db, contact, ticket.id)).ticket;
}

export async function replyOnPortal(db: Kysely<Database>, contact: PortalContact, id: string, body: string): Promise<PortalMessage> {
  await getPortalTicket(db, contact, id);
  const message = await addCustomerMessage(db, id, contact.contactId, body, 'portal');
  return { id: message.id, author: { name: message.author.name, fromSupport: false }, body: message.body, createdAt: message.createdAt };
}
