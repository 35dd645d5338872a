import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { actorOf } from '../../../../kernel/request-context.js';
import { listMessages, ticketRecords, type TicketRecord } from '../../../support/index.js';
import type { ZendeskTicket } from '../../contract/tickets.js';
import { numericIdOf } from '../numeric-ids.js';
import { presentAudit } from './present-audit.js';
import { presentComments } from './present-comments.js';
import { presentTicketRecords } from './present-tickets.js';

/** The ticket with this Zendesk id (its number), or 404 RecordNotFound. */
export async function ticketByNumber(db: Kysely<Database>, number: number): Promise<TicketRecord> {
  const [record] = await ticketRecords(db, { numbers: [number] });
  if (!record) throw errors.ticketNotFound();
  return record;
}

export async function presentOne(db: Kysely<Database>, request: FastifyRequest, record: TicketRecord): Promise<ZendeskTicket> {
  return (await presentTicketRecords(db, request, [record]))[0]!;
}

/** `{ticket, audit}`: the ticket after a write, and the audit of what the write changed. */
export async function ticketWithAudit(
  db: Kysely<Database>,
  request: FastifyRequest,
  ticketId: string,
  before: ZendeskTicket | null,
  messageId: string | null,
) {
  const [record] = await ticketRecords(db, { ids: [ticketId] });
  const ticket = await presentOne(db, request, record!);
  const message = messageId ? (await listMessages(db, ticketId)).find((m) => m.id === messageId) : undefined;
  const [comment] = message ? await presentComments(db, request, [message]) : [];
  const memberId = actorOf(request).memberId;
  const authorId = memberId ? await numericIdOf(db, 'user', memberId) : null;
  return { ticket, audit: presentAudit(before, ticket, comment ?? null, authorId) };
}
