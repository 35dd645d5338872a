import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { idf, scoreCandidates } from './candidate-score.js';
import type { SearchDocument } from './documents.js';
import { toFts5Query, type ParsedQuery } from './query-text.js';
import { excerpt } from './excerpt.js';
import { toHit, type HitRow } from './search-hit.js';
import { ticketStatusSql } from './search-filters.js';
import type { SearchFilters, SearchIndex, TypeCount } from './search-index.js';
import { MARK_END, MARK_START } from './snippet-html.js';
import { SEARCH_TYPES, type SearchType } from './tables.js';

/**
 * SQLite: an FTS5 table over search_documents (external content read through the view
 * search_fts_source, kept in step by the triggers of migration 0015), tokenised by
 * `unicode61 remove_diacritics 2`. Column weights: heading 10, keywords 4, body 1.
 *
 * Every search does bounded work, however common its words (issue 7):
 * - Filters are words in the table's `facets` column (see migration 0015), so "tickets of this
 *   account matching 'export'" is one MATCH answered by the index, in rowid order.
 * - The ranking is over the CANDIDATES most recent matches, read newest first with
 *   `ORDER BY rowid DESC LIMIT`, which FTS5 answers without visiting older matches. They are
 *   scored by candidate-score.ts with bm25's formula (bm25() itself would first count every
 *   match of every word). Snippets are made for the page only.
 * - Counts stop at a cap (reported as "cap+"), and a filter on the ticket's live status, which
 *   is not in the index, is checked over at most STATUS_SCAN of the most recent matches.
 */
const WEIGHTS = [10, 4, 1] as const;
const CANDIDATES = 500;
const STATUS_SCAN = 20_000;
/** Document frequencies are counted up to this; a more common word gets the same small weight. */
const IDF_CAP = 5_000;
const SNIPPET_TOKENS = 24;
const TEXT_COLUMNS = '{heading keywords body}';

/** A prefix with more completions than this is left to FTS5's own prefix matching. */
const MAX_EXPANSION = 50;
/** Shorter prefixes are answered by the table's prefix indexes (migration 0005: `prefix = '2 3'`). */
const INDEXED_PREFIX = 3;

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The query as FTS5 runs it. A prefix term longer than the prefix indexes cover is replaced by
 * the words it completes to, read once from the index's term list: FTS5 would otherwise merge
 * every entry of every completion into one list for each statement that uses the term (the
 * candidates, the title candidates, five counts), a cost that grows with the whole index.
 */
interface FtsQuery {
  query: ParsedQuery;
  /** The MATCH text of each term. */
  terms: string[];
  /** A prefix that completes to no word: nothing can match. */
  empty: boolean;
}

const prepared = new WeakMap<ParsedQuery, Promise<FtsQuery>>();

/** One expansion per search: the page and the counts receive the same parsed query. */
function prepareQuery(db: Kysely<Database>, query: ParsedQuery): Promise<FtsQuery> {
  let q = prepared.get(query);
  if (!q) {
    q = expandQuery(db, query);
    prepared.set(query, q);
  }
  return q;
}

/**
 * The facets column's made-up words (migration 0015). A person's word is matched in the text
 * columns only, which FTS5 checks entry by entry: typed, one of these (or a short prefix of them,
 * or a prefix expanding to them) would walk millions of entries that never match, so they are
 * never searched for. `zt`/`zp` start no real word; `za` + hex digits is an account's id.
 */
const FACET_WORD = /^(zt(ticket|message|contact|account|article)|zportal|za[0-9a-f]{32})$/;
const FACET_PREFIX = /^(z[tp]|za[0-9a-f]?$)/;

async function expandQuery(db: Kysely<Database>, query: ParsedQuery): Promise<FtsQuery> {
  let empty = false;
  const terms: string[] = [];
  for (const original of query.terms) {
    const term =
      original.kind === 'word' && original.prefix && FACET_PREFIX.test(original.text) ? { ...original, prefix: false } : original;
    if (term.kind === 'word' && FACET_WORD.test(term.text)) empty = true;
    const one = toFts5Query({ terms: [term] });
    if (term.kind !== 'word' || !term.prefix || term.text.length <= INDEXED_PREFIX) {
      terms.push(one);
      continue;
    }
    const last = term.text.length - 1;
    const upper = term.text.slice(0, last) + String.fromCodePoint(term.text.codePointAt(last)! + 1);
    const words = (
      await sql<{
        term: string;
      }>`select term from search_fts_vocab where term >= ${term.text} and term < ${upper} limit ${MAX_EXPANSION + 1}`.execute(db)
    ).rows
      .map((r) => r.term)
      .filter((w) => !FACET_WORD.test(w));
    if (!words.length) empty = true;
    terms.push(words.length > MAX_EXPANSION ? one : `(${words.map(quoted).join(' OR ')})`);
  }
  return { query, terms, empty };
}

/** The person's words, confined to the text columns. */
function textMatch(q: FtsQuery, columns = TEXT_COLUMNS, only?: number): string {
  return `${columns} : (${only === undefined ? q.terms.join(' AND ') : q.terms[only]})`;
}

/** The filters the index holds, as MATCH terms on the facets column (an empty list: none). */
function facetMatches(filters: SearchFilters): string[] {
  const out: string[] = [];
  if (filters.types.length < SEARCH_TYPES.length) out.push(`facets : (${filters.types.map((t) => quoted(`zt${t}`)).join(' OR ')})`);
  if (filters.publicOnly) out.push('facets : "zportal"');
  if (filters.accountId !== undefined) out.push(`facets : ${quoted(`za${filters.accountId.replace(/-/g, '')}`)}`);
  return out;
}

const all = (...parts: string[]) => parts.map((p) => `(${p})`).join(' AND ');

function statusSql(filters: SearchFilters): RawBuilder<unknown> {
  return filters.ticketStatus === undefined ? sql`` : sql`and ${ticketStatusSql(filters.ticketStatus)}`;
}

/**
 * With a status filter, the lowest rowid worth scanning: that of the STATUS_SCAN-th most recent
 * match (0 when there are fewer), so that a rare status never means a walk over every match.
 */
async function statusFloor(db: Kysely<Database>, match: string, filters: SearchFilters): Promise<number> {
  return filters.ticketStatus === undefined ? 0 : nthRecent(db, match, STATUS_SCAN);
}

/** The rowid of the n-th most recent match (0 when there are fewer): a floor that bounds a scan. */
async function nthRecent(db: Kysely<Database>, match: string, n: number): Promise<number> {
  const row = await sql<{ id: number }>`
    select rowid as id from search_fts where search_fts match ${match} order by rowid desc limit 1 offset ${n - 1}
  `.execute(db);
  return row.rows[0]?.id ?? 0;
}

interface CandidateRow {
  id: number;
  updated_at: string;
  h0: string | null;
  h1: string | null;
  h2: string | null;
}

async function candidates(
  db: Kysely<Database>,
  match: string,
  filters: SearchFilters,
  floor: number,
  limit: number,
): Promise<CandidateRow[]> {
  const result = await sql<CandidateRow>`
    select search_fts.rowid as id, d.updated_at,
      highlight(search_fts, 0, ${MARK_START}, ${MARK_END}) as h0,
      highlight(search_fts, 1, ${MARK_START}, ${MARK_END}) as h1,
      highlight(search_fts, 2, ${MARK_START}, ${MARK_END}) as h2
    from search_fts join search_documents d on d.id = search_fts.rowid
    where search_fts match ${match} and search_fts.rowid >= ${floor} ${statusSql(filters)}
    order by search_fts.rowid desc
    limit ${limit}
  `.execute(db);
  return result.rows;
}

/** Each term's weight: bm25's idf from a document count capped at IDF_CAP (one-word queries: 1). */
async function termWeights(db: Kysely<Database>, q: FtsQuery): Promise<number[]> {
  if (q.terms.length < 2) return q.terms.map(() => 1);
  const documents = Number((await sql<{ n: number | null }>`select max(id) as n from search_documents`.execute(db)).rows[0]?.n ?? 0);
  const weights: number[] = [];
  for (let i = 0; i < q.terms.length; i++) {
    const row = await sql<{ n: number }>`
      select count(*) as n from (select 1 from search_fts where search_fts match ${textMatch(q, TEXT_COLUMNS, i)} limit ${IDF_CAP})
    `.execute(db);
    weights.push(idf(Math.max(documents, IDF_CAP * 2), Number(row.rows[0]?.n ?? 0)));
  }
  return weights;
}

export const sqliteSearchIndex: SearchIndex = {
  dialect: 'sqlite',

  async upsert(db, docs) {
    for (let i = 0; i < docs.length; i += 100) {
      await db
        .insertInto('search_documents')
        .values(docs.slice(i, i + 100).map(row))
        .onConflict((oc) =>
          oc.columns(['doc_type', 'doc_id']).doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            heading: eb.ref('excluded.heading'),
            keywords: eb.ref('excluded.keywords'),
            body: eb.ref('excluded.body'),
            account_id: eb.ref('excluded.account_id'),
            ticket_id: eb.ref('excluded.ticket_id'),
            status: eb.ref('excluded.status'),
            visibility: eb.ref('excluded.visibility'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  async query(db, parsed, filters, page) {
    const q = await prepareQuery(db, parsed);
    if (q.empty) return [];
    const facets = facetMatches(filters);
    const match = all(textMatch(q), ...facets);
    const floor = await statusFloor(db, match, filters);
    const recent = await candidates(db, match, filters, floor, CANDIDATES);
    const pool = recent;
    if (!pool.length) return [];
    const scores = scoreCandidates(
      parsed,
      await termWeights(db, q),
      WEIGHTS,
      pool.map((c) => ({ marked: [c.h0, c.h1, c.h2] })),
    );
    const ranked = pool
      .map((c, i) => ({ c, score: scores[i]! }))
      .sort((a, b) => b.score - a.score || (a.c.updated_at < b.c.updated_at ? 1 : a.c.updated_at > b.c.updated_at ? -1 : a.c.id - b.c.id))
      .slice(page.offset, page.offset + page.limit);
    if (!ranked.length) return [];
    // The page's documents; the title and excerpt come from the highlights already read.
    const result = await sql<Omit<HitRow, 'score' | 'title_marked' | 'snippet_marked'> & { id: number }>`
      select d.id, d.doc_type, d.doc_id, d.title, d.account_id, d.ticket_id, d.status, d.visibility, d.updated_at
      from search_documents d where d.id in (${sql.join(ranked.map((r) => r.c.id))})
    `.execute(db);
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    return ranked.flatMap(({ c, score }) => {
      const doc = byId.get(c.id);
      if (!doc) return [];
      const body = c.h2 ? c.h2 : (c.h1 ?? '');
      return [toHit({ ...doc, score, title_marked: c.h0, snippet_marked: excerpt(body, SNIPPET_TOKENS) })];
    });
  },

  async countByType(db, parsed, filters, cap) {
    const q = await prepareQuery(db, parsed);
    if (q.empty) return Object.fromEntries(SEARCH_TYPES.map((t) => [t, { n: 0, exact: true }])) as Record<SearchType, TypeCount>;
    const text = textMatch(q);
    const facets = facetMatches({ ...filters, types: SEARCH_TYPES });
    const floor = await statusFloor(db, all(text, ...facets), filters);
    const count = (type: SearchType) => {
      const match = all(text, ...facets, `facets : ${quoted(`zt${type}`)}`);
      return filters.ticketStatus === undefined
        ? sql`(select count(*) from (select 1 from search_fts where search_fts match ${match} limit ${cap + 1}))`
        : sql`(select count(*) from (select 1 from search_fts join search_documents d on d.id = search_fts.rowid
            where search_fts match ${match} and search_fts.rowid >= ${floor} ${statusSql(filters)} limit ${cap + 1}))`;
    };
    const result = await sql<
      Record<SearchType, number>
    >`select ${sql.join(SEARCH_TYPES.map((t) => sql`${count(t)} as ${sql.ref(t)}`))}`.execute(db);
    const row = result.rows[0]!;
    return Object.fromEntries(SEARCH_TYPES.map((t) => [t, { n: Number(row[t]), exact: Number(row[t]) <= cap && floor === 0 }])) as Record<
      SearchType,
      TypeCount
    >;
  },
};

export function row(d: SearchDocument) {
  return {
    doc_type: d.type,
    doc_id: d.id,
    title: d.title,
    heading: d.heading,
    keywords: d.keywords,
    body: d.body,
    account_id: d.accountId,
    ticket_id: d.ticketId,
    status: d.status,
    visibility: d.visibility,
    updated_at: d.updatedAt,
  };
}
