import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { compiledRead } from '../../../db/compiled-read.js';
import { emitEvent, type EventType } from '../../../kernel/domain-events.js';
import { NO_DUE, type TicketsTable } from '../tables.js';
import type { SlaState } from '../sla/sla-clock.js';
import type { Ticket } from '../contract/tickets.js';
import type { TicketCustomField } from '../contract/ticket-fields.js';
import { customFieldsOf } from '../fields/custom-field-reads.js';
import { nextFromSequence, numbersFromSequence } from './ticket-number-sequence.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';

export type TicketRow = Selectable<TicketsTable>;

/**
 * The next ticket number. PostgreSQL: `nextval` of the sequence, which is not rolled back, so a
 * create that fails later in its transaction leaves a gap in the numbers (Zendesk's ids skip too);
 * the counter row it replaced held its lock until COMMIT and capped creates at a few hundred a
 * second. SQLite: the counter row, rolled back with the create, so numbers never skip there.
 */
export async function nextTicketNumber(db: Kysely<Database>): Promise<number> {
  if (numbersFromSequence(db)) return nextFromSequence(db);
  const row = await db
    .insertInto('sequences')
    .values({ name: 'ticket', value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`sequences.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function findTicketRow(db: Kysely<Database>, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function tagsOf(db: Kysely<Database>, ticketIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ticketIds.length === 0) return map;
  const rows = await db.selectFrom('ticket_tags').select(['ticket_id', 'tag']).where('ticket_id', 'in', ticketIds).orderBy('tag').execute();
  for (const r of rows) map.set(r.ticket_id, [...(map.get(r.ticket_id) ?? []), r.tag]);
  return map;
}

/**
 * The ticket page's "other tickets of this account": the account's first tickets by SLA due, the
 * order of its queue, read from the (account_id, sla_due_at, id) index without joins or tags.
 */
const RECENT_TICKETS = 6;
const recentTicketRows = compiledRead((db, accountId: string) =>
  db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'priority', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('sla_due_at')
    .orderBy('id')
    .limit(RECENT_TICKETS),
);

/** An account's six tickets nearest their SLA due time: the ticket page's account context. */
export async function recentTicketsOfAccount(db: Kysely<Database>, accountId: string) {
  const rows = await recentTicketRows(db, accountId);
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    createdAt: r.created_at,
  }));
}

export async function replaceTags(db: Kysely<Database>, ticketId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).execute();
  if (tags.length)
    await db
      .insertInto('ticket_tags')
      .values(tags.map((tag) => ({ ticket_id: ticketId, tag })))
      .execute();
}

export async function recordTicketEvent(
  db: Kysely<Database>,
  ticketId: string,
  actor: { type: 'member' | 'token' | 'contact' | 'system' | 'rule'; id: string | null },
  type: string,
  data: Record<string, unknown>,
  at = new Date().toISOString(),
  /** The ticket's account and number when the caller holds them (saves reading them back). */
  known?: { accountId: string | null; number: number },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({ ticket_id: ticketId, at, actor_type: actor.type, actor_id: actor.id, type, data: JSON.stringify(data) })
    .execute();
  // What integrations subscribe to leaves through the outbox in the same transaction.
  const published = PUBLISHED_AS[type];
  if (published) {
    const ticket = known
      ? { account_id: known.accountId, number: known.number }
      : await db.selectFrom('tickets').select(['account_id', 'number']).where('id', '=', ticketId).executeTakeFirst();
    await emitEvent(db, {
      type: published,
      recordType: 'ticket',
      recordId: ticketId,
      accountId: ticket?.account_id ?? null,
      payload: { ticketNumber: ticket ? Number(ticket.number) : null, actor, ...data },
      at,
    });
  }
}

/** Ticket history entries that are also public events, and their event names. */
const PUBLISHED_AS: Record<string, EventType> = {
  'ticket.created': 'ticket.created',
  'ticket.updated': 'ticket.updated',
  'message.replied': 'ticket.replied',
  'message.received': 'ticket.customer_replied',
  'ticket.escalated': 'ticket.escalated',
  'sla.breached': 'sla.breached',
};

/**
 * Rows with their group's name, for a queue or a ticket page. The account, requester and assignee
 * belong to other modules: withContext names them, one batch read per owner for the whole page.
 */
export function ticketRows(db: Kysely<Database>) {
  return db
    .selectFrom('tickets')
    .leftJoin('ticket_groups', 'ticket_groups.id', 'tickets.group_id')
    .selectAll('tickets')
    .select('ticket_groups.name as group_name');
}

export type GroupedRow = TicketRow & { group_name: string | null };

type ContextRow = GroupedRow & {
  account_name: string;
  account_segment: string;
  requester_name: string;
  requester_email: string;
  assignee_name: string | null;
};

/** What the API shows of the account, requester and assignee beside a ticket's own columns. */
export function contextOf(
  r: GroupedRow,
  account: { name: string; segment: string } | undefined,
  requester: { name: string; email: string } | undefined,
  assignee: { name: string } | undefined,
): ContextRow | null {
  // Every ticket has its account and requester (foreign keys); one without is left out, as the
  // inner joins of the single query this replaces did.
  if (!account || !requester) return null;
  return {
    ...r,
    account_name: account.name,
    account_segment: account.segment,
    requester_name: requester.name,
    requester_email: requester.email,
    assignee_name: r.assignee_id ? (assignee?.name ?? null) : null,
  };
}

/** Rows with their account, requester and assignee: one read from each owner module. */
export async function withContext(db: Kysely<Database>, rows: GroupedRow[]): Promise<ContextRow[]> {
  const [accountsById, contactsById, membersById] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    contactRefs(
      db,
      rows.map((r) => r.requester_id),
    ),
    memberRefs(
      db,
      rows.map((r) => r.assignee_id),
    ),
  ]);
  return rows.flatMap(
    (r) =>
      contextOf(
        r,
        accountsById.get(r.account_id),
        contactsById.get(r.requester_id),
        r.assignee_id ? membersById.get(r.assignee_id) : undefined,
      ) ?? [],
  );
}

/** Tickets as the API shows them, from rows that already carry their context (the queue's read model). */
export async function ticketsFromContext(db: Kysely<Database>, rows: ContextRow[]): Promise<Ticket[]> {
  const ids = rows.map((r) => r.id);
  const [tags, fields] = await Promise.all([tagsOf(db, ids), customFieldsOf(db, ids)]);
  return rows.map((r) => toTicket(r, tags.get(r.id) ?? [], fields.get(r.id) ?? []));
}

export async function toTickets(db: Kysely<Database>, rows: GroupedRow[]): Promise<Ticket[]> {
  const ids = rows.map((r) => r.id);
  const [tags, fields, context] = await Promise.all([tagsOf(db, ids), customFieldsOf(db, ids), withContext(db, rows)]);
  return context.map((r) => toTicket(r, tags.get(r.id) ?? [], fields.get(r.id) ?? []));
}

/** A ticket as the API shows it, from its row with context, its tags (sorted) and its custom field values. */
export function toTicket(r: ContextRow, tags: string[], customFields: TicketCustomField[] = []): Ticket {
  const state = JSON.parse(r.sla_state) as SlaState;
  return {
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    type: r.type ?? null,
    status: r.status,
    priority: r.priority,
    tier: r.tier,
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    account: { id: r.account_id, name: r.account_name, segment: r.account_segment },
    channel: r.channel,
    tags,
    customFields,
    deploymentId: r.deployment_id,
    engineeringLink: r.engineering_link,
    reopenCount: r.reopen_count,
    tierEnteredAt: r.tier_entered_at,
    sla: {
      policyId: r.sla_policy_id,
      firstReplyDueAt: r.first_reply_due_at,
      nextReplyDueAt: r.next_reply_due_at,
      resolutionDueAt: r.resolution_due_at,
      dueAt: r.sla_due_at && r.sla_due_at !== NO_DUE ? r.sla_due_at : null,
      // DESIGN §3: the resolution clock stands still while waiting on the customer or on hold.
      paused: r.status === 'pending' || r.status === 'on_hold',
      breaches: state.breaches,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    solvedAt: r.solved_at,
  };
}

// The ticket page's reads (every open of a ticket): compiled once, see compiled-read.ts.
const ticketById = compiledRead((db, id: string) => ticketRows(db).where('tickets.id', '=', id));
const tagsOfTicket = compiledRead((db, ticketId: string) =>
  db.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', ticketId).orderBy('tag'),
);

/** A ticket's row with its group's name, its tags (sorted) and custom field values, or null when there is no such ticket. */
export async function ticketWithTags(
  db: Kysely<Database>,
  id: string,
): Promise<{ row: GroupedRow; tags: string[]; customFields: TicketCustomField[] } | null> {
  const [[row], tags, fields] = await Promise.all([ticketById(db, id), tagsOfTicket(db, id), customFieldsOf(db, [id])]);
  return row ? { row: row as GroupedRow, tags: tags.map((t) => t.tag), customFields: fields.get(id) ?? [] } : null;
}

export async function getTicketWithContext(db: Kysely<Database>, id: string): Promise<Ticket | null> {
  const found = await ticketWithTags(db, id);
  if (!found) return null;
  const [row] = await withContext(db, [found.row]);
  return row ? toTicket(row, found.tags, found.customFields) : null;
}

export type { ContextRow };
