import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import {
  indexDocuments,
  indexMessageDocument,
  indexTicketDocument,
  searchDocument,
  type SearchDocument,
  type SearchSelection,
  type SearchSource,
} from '../../search/index.js';
import type { SearchTicketStatus } from '../../search/contract/search.js';
import type { TicketStatus } from '../contract/kinds.js';
import { fieldSearchTextOf } from '../fields/custom-field-reads.js';

/*
 * Tickets and their messages as the search index holds them. Support owns what is searchable in
 * its records; the search module stores, ranks and rebuilds (through the sources below, wired in
 * src/app/wire-modules.ts).
 */

// The search contract keeps its own list of ticket statuses (it may not import support's); both
// lists must be the same, which these two lines check at compile time.
const searchAcceptsEveryStatus: readonly SearchTicketStatus[] = [] as TicketStatus[];
const everySearchStatusExists: readonly TicketStatus[] = [] as SearchTicketStatus[];
void searchAcceptsEveryStatus;
void everySearchStatusExists;

/**
 * A ticket's document: its subject, number and tags (in the order the loader reads them), and its
 * custom field values as text (issue 18: "Plan: Gold (gold)"), so a search finds a ticket by them.
 */
export function ticketSearchDocument(
  r: { id: string; number: number; subject: string; account_id: string; updated_at: string },
  tags: readonly string[],
  fieldText: readonly string[] = [],
): SearchDocument {
  return searchDocument('ticket', r.id, {
    title: r.subject,
    heading: r.subject,
    // "#1042" finds ticket 1042; tags are the agent's own keywords for the case.
    keywords: [`#${Number(r.number)}`, ...tags].join(' · '),
    body: [...fieldText].sort().join('\n'),
    accountId: r.account_id,
    ticketId: r.id,
    visibility: 'public',
    updatedAt: r.updated_at,
  });
}

/** A message's document: its text, shown under its ticket's subject. */
export function messageSearchDocument(r: {
  id: string;
  ticket_id: string;
  body: string;
  visibility: 'public' | 'internal';
  created_at: string;
  subject: string;
  account_id: string;
}): SearchDocument {
  return searchDocument('message', r.id, {
    title: r.subject,
    heading: '',
    keywords: '',
    body: r.body,
    accountId: r.account_id,
    ticketId: r.ticket_id,
    visibility: r.visibility,
    updatedAt: r.created_at,
  });
}

/** Tickets' documents, by id (the write path, the bench seed) or the next page by id (a rebuild). */
export async function loadTicketSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  let q = db.selectFrom('tickets').select(['id', 'number', 'subject', 'account_id', 'updated_at']).orderBy('id');
  q =
    'ids' in selection
      ? q.where('id', 'in', selection.ids)
      : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
  const rows = await q.execute();
  const tags = new Map<string, string[]>();
  const fieldText = await fieldSearchTextOf(
    db,
    rows.map((r) => r.id),
  );
  if (rows.length) {
    const found = await db
      .selectFrom('ticket_tags')
      .select(['ticket_id', 'tag'])
      .where(
        'ticket_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('tag')
      .execute();
    for (const t of found) tags.set(t.ticket_id, [...(tags.get(t.ticket_id) ?? []), t.tag]);
  }
  return rows.map((r) => ticketSearchDocument(r, tags.get(r.id) ?? [], fieldText.get(r.id) ?? []));
}

/** Messages' documents (each under its ticket's subject), selected as for tickets. */
export async function loadMessageSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  let q = db
    .selectFrom('ticket_messages as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .select(['m.id', 'm.ticket_id', 'm.body', 'm.visibility', 'm.created_at', 't.subject', 't.account_id'])
    .orderBy('m.id');
  q =
    'ids' in selection
      ? q.where('m.id', 'in', selection.ids)
      : (selection.after ? q.where('m.id', '>', selection.after) : q).limit(selection.limit);
  return (await q.execute()).map(messageSearchDocument);
}

/** Re-indexes a changed ticket (subject, tags); its messages' entries take the new subject. */
export async function indexTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  const [doc] = await loadTicketSearchDocuments(db, { ids: [ticketId] });
  if (doc) await indexTicketDocument(db, doc);
}

/**
 * A ticket just opened, from what its creator already holds (no re-reading): the ticket's and its
 * first messages' documents, written in one statement — the same documents the loaders would read.
 */
export async function indexOpenedTicket(
  db: Kysely<Database>,
  ticket: {
    id: string;
    number: number;
    subject: string;
    accountId: string;
    createdAt: string;
    tags: readonly string[];
    fieldText?: readonly string[];
  },
  messages: readonly { id: string; body: string; visibility: 'public' | 'internal' }[],
): Promise<void> {
  const common = { ticket_id: ticket.id, subject: ticket.subject, account_id: ticket.accountId, created_at: ticket.createdAt };
  await indexDocuments(db, [
    ticketSearchDocument(
      { id: ticket.id, number: ticket.number, subject: ticket.subject, account_id: ticket.accountId, updated_at: ticket.createdAt },
      [...ticket.tags].sort(),
      ticket.fieldText ?? [],
    ),
    ...messages.map((m) => messageSearchDocument({ ...common, id: m.id, body: m.body, visibility: m.visibility })),
  ]);
}

/** Indexes a new message; its ticket's entry takes the message's time as its last update. */
export async function indexMessage(db: Kysely<Database>, messageId: string): Promise<void> {
  const [doc] = await loadMessageSearchDocuments(db, { ids: [messageId] });
  if (doc) await indexMessageDocument(db, doc);
}

async function countOf(db: Kysely<Database>, table: 'tickets' | 'ticket_messages'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function existingIn(db: Kysely<Database>, table: 'tickets' | 'ticket_messages', ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

/** Where a search rebuild reads ticket documents. */
export const ticketSearchSource: SearchSource = {
  type: 'ticket',
  count: (db) => countOf(db, 'tickets'),
  loadBatch: (db, after, limit) => loadTicketSearchDocuments(db, { after, limit }),
  existingIds: (db, ids) => existingIn(db, 'tickets', ids),
};

/** Where a search rebuild reads message documents. */
export const messageSearchSource: SearchSource = {
  type: 'message',
  count: (db) => countOf(db, 'ticket_messages'),
  loadBatch: (db, after, limit) => loadMessageSearchDocuments(db, { after, limit }),
  existingIds: (db, ids) => existingIn(db, 'ticket_messages', ids),
};

/** Search's status filter: the ticket in `ticketId` (a column of search's query) is in `status`. */
export function ticketInStatusSql(ticketId: RawBuilder<unknown>, status: SearchTicketStatus): RawBuilder<unknown> {
  return sql`exists (select 1 from tickets st where st.id = ${ticketId} and st.status = ${status})`;
}
