import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { errors } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../../kernel/pagination.js';
import { listMessages, addCustomerMessage } from '../support/index.js';
import { createTicket } from '../support/index.js';
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

function base(db: Kysely<Database>, contact: PortalContact) {
  return db
    .selectFrom('tickets')
    .innerJoin('contacts', 'contacts.id', 'tickets.requester_id')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.status', 'tickets.requester_id', 'contacts.name as requester_name', 'tickets.created_at', 'tickets.updated_at'])
    // Isolation: every portal query is scoped to the signed-in contact's account, on the server.
    .where('tickets.account_id', '=', contact.accountId);
}

function toPortalTicket(r: { id: string; number: number; subject: string; status: string; requester_id: string; requester_name: string; created_at: string; updated_at: string }): PortalTicket {
  return {
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    status: customerStatus(r.status),
    requester: { id: r.requester_id, name: r.requester_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The organisation's tickets, most recently updated first. */
export async function listPortalTickets(
  db: Kysely<Database>,
  contact: PortalContact,
  q: { status?: 'open' | 'solved' | undefined; mine?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<PortalTicket>> {
  let query = base(db, contact);
  if (q.status === 'open') query = query.where('tickets.status', 'in', ['new', 'open', 'pending', 'on_hold']);
  if (q.status === 'solved') query = query.where('tickets.status', 'in', ['solved', 'closed']);
  if (q.mine) query = query.where('tickets.requester_id', '=', contact.contactId);
  if (q.cursor) {
    const { sortValue, id } = decodeCursor(q.cursor, 'timestamp');
    const at = String(sortValue);
    query = query.where((eb) => eb.or([eb('tickets.updated_at', '<', at), eb.and([eb('tickets.updated_at', '=', at), eb('tickets.id', '<', id)])]));
  }
  const rows = await query.orderBy('tickets.updated_at', 'desc').orderBy('tickets.id', 'desc').limit(q.limit + 1).execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.updated_at, r.id));
  return { items: page.items.map(toPortalTicket), nextCursor: page.nextCursor };
}

/** One of the organisation's tickets; another account's id answers 404, never the record. */
export async function getPortalTicket(db: Kysely<Database>, contact: PortalContact, id: string): Promise<{ ticket: PortalTicket; messages: PortalMessage[] }> {
  const row = await base(db, contact).where('tickets.id', '=', id).executeTakeFirst();
  if (!row) throw errors.ticketNotFound();
  const messages = await listMessages(db, id, { publicOnly: true });
  return {
    ticket: toPortalTicket(row),
    messages: messages.map((m) => ({ id: m.id, author: { name: m.author.name, fromSupport: m.author.type !== 'contact' }, body: m.body, createdAt: m.createdAt })),
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
    { subject: input.subject, description: input.description, requesterId: contact.contactId, priority: input.priority, channel: 'portal', tags: [] },
    'portal',
  );
  return (await getPortalTicket(db, contact, ticket.id)).ticket;
}

export async function replyOnPortal(db: Kysely<Database>, contact: PortalContact, id: string, body: string): Promise<PortalMessage> {
  await getPortalTicket(db, contact, id);
  const message = await addCustomerMessage(db, id, contact.contactId, body, 'portal');
  return { id: message.id, author: { name: message.author.name, fromSupport: false }, body: message.body, createdAt: message.createdAt };
}
