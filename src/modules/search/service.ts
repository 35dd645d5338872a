import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../kernel/transaction.js';
import type { SearchTicketStatus } from './contract/search.js';
import type { SearchDocument } from './documents.js';
import { searchPorts, type SearchSource } from './ports.js';
import { parseQuery } from './query-text.js';
import { searchIndexOf } from './search-index-of.js';
import { escapeHtml, markedToHtml } from './snippet-html.js';
import { SEARCH_TYPES, type SearchType } from './tables.js';

/*
 * The write path keeps the index in step: each service that changes a searchable record builds
 * the record's documents (the owner knows what is searchable) and calls one of these inside its
 * own transaction, so a record and its index entry commit (or roll back) together.
 */

/** Inserts or replaces documents by (type, id). */
export async function indexDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
  await searchIndexOf(db).upsert(db, docs);
}

/** A ticket's document; its messages' entries show the (new) subject as their title. */
export async function indexTicketDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void> {
  await searchIndexOf(db).upsert(db, [doc]);
  await db
    .updateTable('search_documents')
    .set({ title: doc.title })
    .where('ticket_id', '=', doc.id)
    .where('doc_type', '=', 'message')
    .where('title', '<>', doc.title)
    .execute();
}

/** A new message's document; its ticket's entry takes the message's time as its last update. */
export async function indexMessageDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void> {
  await searchIndexOf(db).upsert(db, [doc]);
  await db
    .updateTable('search_documents')
    .set({ updated_at: doc.updatedAt })
    .where('doc_type', '=', 'ticket')
    .where('doc_id', '=', doc.ticketId!)
    .execute();
}

export async function removeFromIndex(db: Kysely<Database>, type: SearchType, id: string): Promise<void> {
  await db.deleteFrom('search_documents').where('doc_type', '=', type).where('doc_id', '=', id).execute();
}

const REINDEX_BATCH = 500;

/** The wired sources in SEARCH_TYPES order (the order a rebuild writes, and so the rows' ids). */
function sourcesInOrder(): SearchSource[] {
  const { sources } = searchPorts();
  return SEARCH_TYPES.map((type) => {
    const source = sources.find((s) => s.type === type);
    if (!source) throw new Error(`No search source is wired for ${type} documents (src/app/wire-modules.ts).`);
    return source;
  });
}

/**
 * Rebuilds the index from the records: every document rewritten, orphans dropped. It works in
 * batches of 500, each its own transaction, so searches keep answering (from the old entries)
 * while it runs and a large workspace does not hold one long write lock.
 */
export async function reindexAll(db: Kysely<Database>, onProgress?: (done: number, total: number) => void): Promise<number> {
  const sources = sourcesInOrder();
  let total = 0;
  for (const source of sources) total += await source.count(db);
  let done = 0;
  onProgress?.(0, total);
  for (const source of sources) {
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const written: number = await inTransaction(db, async (trx) => {
        const docs = await source.loadBatch(trx, from, REINDEX_BATCH);
        await searchIndexOf(trx).upsert(trx, docs);
        if (docs.length) await dropOrphansBetween(trx, source, from, docs);
        after = docs[docs.length - 1]?.id ?? after;
        return docs.length;
      });
      done += written;
      onProgress?.(Math.min(done, total), total);
      if (written < REINDEX_BATCH) break;
    }
    await dropOrphansAfter(db, source, after);
  }
  return done;
}

/*
 * Orphans (entries whose record is gone) are found without reading the owner's tables: the
 * entries between one batch's records and the next's, and those after the last record, are
 * candidates, and the owner says which of them still have a record. Usually there are none, so
 * this costs one indexed range read per batch; the live check keeps a record created while the
 * rebuild runs.
 */

/** Entries of the batch's range, (from, last document], that are not in the batch. */
async function dropOrphansBetween(
  db: Kysely<Database>,
  source: SearchSource,
  from: string | null,
  docs: readonly SearchDocument[],
): Promise<void> {
  let q = db
    .selectFrom('search_documents')
    .select('doc_id')
    .where('doc_type', '=', source.type)
    .where('doc_id', '<=', docs[docs.length - 1]!.id)
    .where(
      'doc_id',
      'not in',
      docs.map((d) => d.id),
    );
  if (from !== null) q = q.where('doc_id', '>', from);
  const candidates = (await q.execute()).map((r) => r.doc_id);
  await dropMissing(db, source, candidates);
}

/** Entries after the last record (all of the type when there are no records), page by page. */
async function dropOrphansAfter(db: Kysely<Database>, source: SearchSource, after: string | null): Promise<void> {
  for (let cursor = after; ;) {
    let q = db.selectFrom('search_documents').select('doc_id').where('doc_type', '=', source.type).orderBy('doc_id').limit(REINDEX_BATCH);
    if (cursor !== null) q = q.where('doc_id', '>', cursor);
    const candidates = (await q.execute()).map((r) => r.doc_id);
    await dropMissing(db, source, candidates);
    if (candidates.length < REINDEX_BATCH) return;
    cursor = candidates[candidates.length - 1]!;
  }
}

async function dropMissing(db: Kysely<Database>, source: SearchSource, candidates: readonly string[]): Promise<void> {
  for (let i = 0; i < candidates.length; i += REINDEX_BATCH) {
    const chunk = candidates.slice(i, i + REINDEX_BATCH);
    const existing = new Set(await source.existingIds(db, chunk));
    const gone = chunk.filter((id) => !existing.has(id));
    if (gone.length) await db.deleteFrom('search_documents').where('doc_type', '=', source.type).where('doc_id', 'in', gone).execute();
  }
}

export interface SearchInput {
  q: string;
  types?: readonly SearchType[] | undefined;
  accountId?: string | undefined;
  status?: SearchTicketStatus | undefined;
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
