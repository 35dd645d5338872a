import { sql } from 'kysely';
import type { SearchDocument } from './documents.js';
import { toFts5Query } from './query-text.js';
import { filterSql } from './search-filters.js';
import type { SearchHit, SearchIndex } from './search-index.js';
import { MARK_END, MARK_START } from './snippet-html.js';
import type { SearchType } from './tables.js';

/**
 * SQLite: an FTS5 table over search_documents (external content, kept in step by the triggers in
 * migration 0005), tokenised by `unicode61 remove_diacritics 2`. Ranking is bm25 with column
 * weights heading 10, keywords 4, body 1, so a title hit outranks a body hit.
 */
const BM25 = sql`bm25(search_fts, 10.0, 4.0, 1.0)`;
const SNIPPET_TOKENS = 24;

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

  async query(db, query, filters, page) {
    const match = toFts5Query(query);
    // Ranking first, on ids only; snippets only for the page (snippet() reads the stored text).
    const result = await sql<HitRow>`
      with hits as (
        select d.id, -${BM25} as score, d.updated_at
        from search_fts join search_documents d on d.id = search_fts.rowid
        where search_fts match ${match} and ${filterSql(filters)}
        order by score desc, d.updated_at desc, d.id
        limit ${page.limit} offset ${page.offset}
      )
      select d.doc_type, d.doc_id, d.title, d.account_id, d.ticket_id, d.status, d.visibility, d.updated_at, hits.score,
        highlight(search_fts, 0, ${MARK_START}, ${MARK_END}) as title_marked,
        case when d.body <> ''
          then snippet(search_fts, 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS})
          else snippet(search_fts, 1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) end as snippet_marked
      from hits
      join search_fts on search_fts.rowid = hits.id
      join search_documents d on d.id = hits.id
      where search_fts match ${match}
      order by hits.score desc, hits.updated_at desc, hits.id
    `.execute(db);
    return result.rows.map(toHit);
  },

  async countByType(db, query, filters) {
    const result = await sql<{ doc_type: SearchType; n: number }>`
      select d.doc_type, count(*) as n
      from search_fts join search_documents d on d.id = search_fts.rowid
      where search_fts match ${toFts5Query(query)} and ${filterSql(filters)}
      group by d.doc_type
    `.execute(db);
    return Object.fromEntries(result.rows.map((r) => [r.doc_type, Number(r.n)]));
  },
};

export interface HitRow {
  doc_type: SearchType;
  doc_id: string;
  title: string;
  account_id: string | null;
  ticket_id: string | null;
  status: string | null;
  visibility: 'public' | 'internal';
  updated_at: string;
  score: number;
  title_marked: string | null;
  snippet_marked: string | null;
}

export function toHit(r: HitRow): SearchHit {
  return {
    type: r.doc_type,
    id: r.doc_id,
    title: r.title,
    titleMarked: r.title_marked ?? '',
    snippetMarked: r.snippet_marked ?? '',
    score: Number(r.score),
    accountId: r.account_id,
    ticketId: r.ticket_id,
    status: r.status,
    visibility: r.visibility,
    updatedAt: r.updated_at,
  };
}

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
