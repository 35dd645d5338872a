import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TicketPriority, TicketStatus, TicketType } from '../tables.js';
import type { TicketCustomField } from '../contract/ticket-fields.js';
import { customFieldsOf } from '../fields/custom-field-reads.js';
import { tagsOf } from '../tickets/ticket-repository.js';

/**
 * Tickets as another shape of API needs them (the Zendesk-compatible /api/v2, issue 18): the
 * ticket's own columns with raw ids (the caller names people and accounts its own way), its tags,
 * its custom field values and its description (the first message, as Zendesk's `description` is
 * the first comment). A batch read: one query per table for the whole page.
 */
export interface TicketRecord {
  id: string;
  number: number;
  subject: string;
  type: TicketType | null;
  status: TicketStatus;
  priority: TicketPriority;
  channel: 'email' | 'portal' | 'api' | 'phone' | 'web';
  /** A contact. */
  requesterId: string;
  /** A member. */
  assigneeId: string | null;
  groupId: string | null;
  accountId: string;
  tags: string[];
  customFields: TicketCustomField[];
  description: string;
  /** The SLA's earliest active due time, or null. */
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  solvedAt: string | null;
}

const NO_DUE_PREFIX = '9999-';

/** The tickets with these ids or these numbers, in the order asked; ids or numbers with no ticket are left out. */
export async function ticketRecords(
  db: Kysely<Database>,
  by: { ids: readonly string[] } | { numbers: readonly number[] },
): Promise<TicketRecord[]> {
  const wanted = 'ids' in by ? [...new Set(by.ids)] : [...new Set(by.numbers)].filter((n) => Number.isSafeInteger(n));
  if (!wanted.length) return [];
  const rows = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    let query = db.selectFrom('tickets').selectAll();
    query = 'ids' in by ? query.where('id', 'in', chunk as string[]) : query.where('number', 'in', chunk as number[]);
    rows.push(...(await query.execute()));
  }
  const ids = rows.map((r) => r.id);
  const [tags, fields, descriptions] = await Promise.all([tagsOf(db, ids), customFieldsOf(db, ids), firstMessages(db, ids)]);
  const records = rows.map((r): TicketRecord => ({
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    type: r.type ?? null,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    requesterId: r.requester_id,
    assigneeId: r.assignee_id,
    groupId: r.group_id,
    accountId: r.account_id,
    tags: tags.get(r.id) ?? [],
    customFields: fields.get(r.id) ?? [],
    description: descriptions.get(r.id) ?? '',
    dueAt: r.sla_due_at && !r.sla_due_at.startsWith(NO_DUE_PREFIX) ? r.sla_due_at : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    solvedAt: r.solved_at,
  }));
  const position = new Map<string | number, number>(wanted.map((w, i) => [w, i]));
  return records.sort((a, b) => position.get('ids' in by ? a.id : a.number)! - position.get('ids' in by ? b.id : b.number)!);
}

/** Each ticket's first message body (the ticket's description), by ticket id. */
async function firstMessages(db: Kysely<Database>, ticketIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ticketIds.length; i += 500) {
    const chunk = ticketIds.slice(i, i + 500);
    const firsts = db
      .selectFrom('ticket_messages')
      .select(['ticket_id', (eb) => eb.fn.min('created_at').as('first_at')])
      .where('ticket_id', 'in', chunk)
      .groupBy('ticket_id')
      .as('firsts');
    const rows = await db
      .selectFrom('ticket_messages')
      .innerJoin(firsts, (join) =>
        join.onRef('firsts.ticket_id', '=', 'ticket_messages.ticket_id').onRef('firsts.first_at', '=', 'ticket_messages.created_at'),
      )
      .select(['ticket_messages.ticket_id', 'ticket_messages.id', 'ticket_messages.body'])
      .orderBy('ticket_messages.id')
      .execute();
    // Two messages at the same first instant: the smaller id, as the conversation orders them.
    for (const r of rows) if (!out.has(r.ticket_id)) out.set(r.ticket_id, r.body);
  }
  return out;
}
