import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../kernel/transaction.js';
import type { TicketStatus } from '../support/index.js';
import { DOCUMENT_LOADERS, messageDocument, SOURCE_TABLES, ticketDocument } from './documents.js';
import { parseQuery } from './query-text.js';
import { searchIndexOf } from './search-index.js';
import { escapeHtml, markedToHtml } from './snippet-html.js';
import { SEARCH_TYPES, type SearchType } from './tables.js';

/*
 * The write path keeps the index in step: each service that changes a searchable record calls one
 * of these inside its own transaction, so a record and its index entry commit (or roll back)
 * together. Each call re-reads the record, so callers pass only the id.
 */

async function indexRecords(db: Kysely<Database>, type: SearchType, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const docs = await DOCUMENT_LOADERS[type](db, { ids });
  await searchIndexOf(db).upsert(db, docs);
}

/** A ticket's subject, number and tags; its messages show the (new) subject as their title. */
export async function indexTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  const [doc] = await DOCUMENT_LOADERS.ticket(db, { ids: [ticketId] });
  if (!doc) return;
  await searchIndexOf(db).upsert(db, [doc]);
  await db
    .updateTable('search_documents')
    .set({ title: doc.title })
    .where('ticket_id', '=', ticketId)
    .where('doc_type', '=', 'message')
    .where('title', '<>', doc.title)
    .execute();
}

/** A ticket just opened: the ticket and the messages it was opened with. */
export async function indexNewTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  await indexTicket(db, ticketId);
  const messages = await db.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticketId).execute();
  await indexRecords(db, 'message', messages.map((m) => m.id));
}

/**
 * A ticket just opened, from what its creator already holds (no re-reading): the ticket's and its
 * first messages' documents, written in one statement. Gives the same documents as indexNewTicket.
 */
export async function indexOpenedTicket(
  db: Kysely<Database>,
  ticket: { id: string; number: number; subject: string; accountId: string; createdAt: string; tags: readonly string[] },
  messages: readonly { id: string; body: string; visibility: 'public' | 'internal' }[],
): Promise<void> {
  const common = { ticket_id: ticket.id, subject: ticket.subject, account_id: ticket.accountId, created_at: ticket.createdAt };
  await searchIndexOf(db).upsert(db, [
    ticketDocument({ id: ticket.id, number: ticket.number, subject: ticket.subject, account_id: ticket.accountId, updated_at: ticket.createdAt }, [...ticket.tags].sort()),
    ...messages.map((m) => messageDocument({ ...common, id: m.id, body: m.body, visibility: m.visibility })),
  ]);
}

/** A new message; its ticket's entry takes the message's time as its last update. */
export async function indexMessage(db: Kysely<Database>, messageId: string): Promise<void> {
  const [doc] = await DOCUMENT_LOADERS.message(db, { ids: [messageId] });
  if (!doc) return;
  await searchIndexOf(db).upsert(db, [doc]);
  await db.updateTable('search_documents').set({ updated_at: doc.updatedAt }).where('doc_type', '=', 'ticket').where('doc_id', '=', doc.ticketId!).execute();
}

export const indexContact = (db: Kysely<Database>, contactId: string) => indexRecords(db, 'contact', [contactId]);
export const indexAccount = (db: Kysely<Database>, accountId: string) => indexRecords(db, 'account', [accountId]);
export const indexArticle = (db: Kysely<Database>, articleId: string) => indexRecords(db, 'article', [articleId]);

export async function removeFromIndex(db: Kysely<Database>, type: SearchType, id: string): Promise<void> {
  await db.deleteFrom('search_documents').where('doc_type', '=', type).where('doc_id', '=', id).execute();
}

const REINDEX_BATCH = 500;

/**
 * Rebuilds the index from the records: every document rewritten, orphans dropped. It works in
 * batches of 500, each its own transaction, so searches keep answering (from the old entries)
 * while it runs and a large workspace does not hold one long write lock.
 */
export async function reindexAll(db: Kysely<Database>, onProgress?: (done: number, total: number) => void): Promise<number> {
  let total = 0;
  for (const type of SEARCH_TYPES) {
    const row = await db.selectFrom(SOURCE_TABLES[type]).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  let done = 0;
  onProgress?.(0, total);
  for (const type of SEARCH_TYPES) {
    let after: string | null = null;
    for (;;) {
      const written: number = await inTransaction(db, async (trx) => {
        const docs = await DOCUMENT_LOADERS[type](trx, { after, limit: REINDEX_BATCH });
        await searchIndexOf(trx).upsert(trx, docs);
        after = docs[docs.length - 1]?.id ?? after;
        return docs.length;
      });
      done += written;
      onProgress?.(Math.min(done, total), total);
      if (written < REINDEX_BATCH) break;
    }
    const table = SOURCE_TABLES[type];
    await sql`delete from search_documents where doc_type = ${type} and not exists (select 1 from ${sql.table(table)} s where s.id = search_documents.doc_id)`.execute(db);
  }
  return done;
}

export interface SearchInput {
  q: string;
  types?: readonly SearchType[] | undefined;
  accountId?: string | undefined;
  status?: TicketStatus | undefined;
  publicOnly?: boolean;
  limit: number;
  offset?: number;
}

export interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  /** The title as HTML: escaped, matched words in <mark>. */
  titleHtml: string;
  /** An excerpt as HTML: escaped, matched words in <mark>. */
  snippet: string;
  score: number;
  /** Where a ticket or message result links to. */
  ticketId: string | null;
  accountId: string | null;
  status: string | null;
  visibility: 'public' | 'internal';
  updatedAt: string;
}

export interface SearchOutcome {
  items: SearchResult[];
  /**
   * Matches per type for the query and the other filters, whichever types were asked for; exact
   * up to COUNT_CAP, beyond that COUNT_CAP and `countsExact[type]` false ("1000+"), as large
   * help desks and web search engines report totals: counting every match of a common word
   * costs as much as the search itself, many times over.
   */
  counts: Record<SearchType, number>;
  countsExact: Record<SearchType, boolean>;
  total: number;
  /** False when `total` is a lower bound ("1000+"). */
  totalExact: boolean;
  hasMore: boolean;
}

export const COUNT_CAP = 1000;

const NO_COUNTS = (): Record<SearchType, number> => Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
const ALL_EXACT = (): Record<SearchType, boolean> => Object.fromEntries(SEARCH_TYPES.map((t) => [t, true])) as Record<SearchType, boolean>;

/**
 * Ranked full-text search over the index. Any text is a valid query: what cannot be searched for
 * (operators, quotes, punctuation) is dropped, and a query with no words finds nothing.
 */
export async function searchDocuments(db: Kysely<Database>, input: SearchInput): Promise<SearchOutcome> {
  const query = parseQuery(input.q);
  const counts = NO_COUNTS();
  const countsExact = ALL_EXACT();
  if (!query.terms.length) return { items: [], counts, countsExact, total: 0, totalExact: true, hasMore: false };
  const index = searchIndexOf(db);
  const types = input.types?.length ? [...new Set(input.types)] : [...SEARCH_TYPES];
  const common = { accountId: input.accountId, ticketStatus: input.status, publicOnly: input.publicOnly };
  const [hits, byType] = await Promise.all([
    index.query(db, query, { ...common, types }, { limit: input.limit + 1, offset: input.offset ?? 0 }),
    index.countByType(db, query, { ...common, types: SEARCH_TYPES }, COUNT_CAP),
  ]);
  for (const t of SEARCH_TYPES) {
    counts[t] = Math.min(byType[t].n, COUNT_CAP);
    countsExact[t] = byType[t].exact && byType[t].n <= COUNT_CAP;
  }
  return {
    items: hits.slice(0, input.limit).map((h) => ({
      type: h.type,
      id: h.id,
      title: h.title,
      titleHtml: h.titleMarked ? markedToHtml(h.titleMarked) : escapeHtml(h.title),
      snippet: markedToHtml(h.snippetMarked),
      score: Math.round(h.score * 1e6) / 1e6,
      ticketId: h.ticketId,
      accountId: h.accountId,
      status: h.status,
      visibility: h.visibility,
      updatedAt: h.updatedAt,
    })),
    counts,
    countsExact,
    total: types.reduce((sum, t) => sum + counts[t], 0),
    totalExact: types.every((t) => countsExact[t]),
    hasMore: hits.length > input.limit,
  };
}
