import { sql, type RawBuilder } from 'kysely';
import type { SearchDocument } from './documents.js';
import { toTsQuery, wordsOf } from './query-text.js';
import { filterSql } from './search-filters.js';
import type { SearchIndex, TypeCount } from './search-index.js';
import { MARK_END, MARK_START } from './snippet-html.js';
import { toHit, type HitRow } from './search-hit.js';
import { SEARCH_TYPES, type SearchType } from './tables.js';

/**
 * PostgreSQL: a `document` tsvector on search_documents with a GIN index, weighted A (heading),
 * B (keywords), C (body), ranked by ts_rank_cd and excerpted by ts_headline.
 *
 * The text search configuration is `simple` (no stemming, no stop words), not `english`: the
 * index holds names, e-mail addresses, domains, error codes, versions and text in whatever
 * language a customer writes, which an English stemmer mangles (and its stop-word list drops
 * "it" from "IT admin"); and `simple` matches what SQLite's unicode61 tokenizer does, so a query
 * finds the same records on both dialects. Prefix matching on the last word covers most of what
 * stemming would (export → exports, exporting).
 *
 * The vector is built from the same words the query parser produces (folded diacritics, split on
 * anything that is not a letter or digit), so "bill@initech.com" is the words bill, initech, com
 * here as in FTS5, not one e-mail token. ts_headline parses the original text; ASCII punctuation
 * in it is fenced with a control character so its parser splits words the same way, and the
 * fences are removed afterwards.
 */
const WEIGHTS = sql`'{0.1, 0.2, 0.4, 1.0}'`;
// 1: divide by 1 + log(length), so a long message does not outrank a short title by sheer size.
const NORMALISATION = 1;
const FENCE = '\u0003';
const CANDIDATES = 500;
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=1, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

const vectorText = (text: string) => wordsOf(text).join(' ');
// Every ASCII punctuation character, as a bracket expression (ranges ! to /, : to @, [ to `, { to ~).
const ASCII_PUNCTUATION = '([!-/:-@[-`{-~])';
const fenced = (column: RawBuilder<unknown>) => sql`regexp_replace(${column}, ${ASCII_PUNCTUATION}, ${`${FENCE}\\1${FENCE}`}, 'g')`;

export const postgresSearchIndex: SearchIndex = {
  dialect: 'postgres',

  async upsert(db, docs) {
    // 100 rows a statement: a rebuild is bound by round trips, not by to_tsvector.
    for (let i = 0; i < docs.length; i += 100) {
      const rows = docs
        .slice(i, i + 100)
        .map(
          (d) =>
            sql`(${d.type}, ${d.id}, ${d.title}, ${d.heading}, ${d.keywords}, ${d.body}, ${d.accountId}, ${d.ticketId}, ${d.status}, ${d.visibility}, ${d.updatedAt}::timestamptz, ${vector(d)})`,
        );
      await sql`
        insert into search_documents (doc_type, doc_id, title, heading, keywords, body, account_id, ticket_id, status, visibility, updated_at, document)
        values ${sql.join(rows)}
        on conflict (doc_type, doc_id) do update set
          title = excluded.title, heading = excluded.heading, keywords = excluded.keywords, body = excluded.body,
          account_id = excluded.account_id, ticket_id = excluded.ticket_id, status = excluded.status,
          visibility = excluded.visibility, updated_at = excluded.updated_at, document = excluded.document
      `.execute(db);
    }
  },

  async query(db, query, filters, page) {
    // Bounded like the SQLite adapter: rank the CANDIDATES most recent matches, not every match.
    // For a common word the planner walks the primary key backwards and stops; for a rare one it
    // reads the GIN index and sorts the few matches.
    const result = await sql<HitRow>`
      with q as (select to_tsquery('simple', ${toTsQuery(query)}) as query),
      recent as (
        select d.id from search_documents d, q
        where d.document @@ q.query and ${filterSql(filters)}
        order by d.id desc limit ${CANDIDATES}
      ),
      hits as (
        select d.id, ts_rank_cd(${WEIGHTS}, d.document, q.query, ${NORMALISATION}) as score, d.updated_at
        from search_documents d, q
        where d.id in (select id from recent)
        order by score desc, d.updated_at desc, d.id
        limit ${page.limit} offset ${page.offset}
      )
      select d.doc_type, d.doc_id, d.title, d.account_id, d.ticket_id, d.status, d.visibility, d.updated_at, hits.score,
        replace(ts_headline('simple', ${fenced(sql`d.heading`)}, q.query, ${TITLE_HEADLINE}), ${FENCE}, '') as title_marked,
        replace(ts_headline('simple', ${fenced(sql`case when d.body <> '' then d.body else d.keywords end`)}, q.query, ${HEADLINE}), ${FENCE}, '') as snippet_marked
      from hits join search_documents d on d.id = hits.id cross join q
      order by hits.score desc, hits.updated_at desc, hits.id
    `.execute(db);
    return result.rows.map(toHit);
  },

  async countByType(db, query, filters, cap) {
    // Each type counted up to cap + 1 matches: "1000+" costs the same as "1001".
    const tsquery = sql`to_tsquery('simple', ${toTsQuery(query)})`;
    const count = (type: SearchType) => sql`(select count(*) from (
        select 1 from search_documents d where d.document @@ ${tsquery} and ${filterSql({ ...filters, types: [type] })} limit ${cap + 1}
      ) s)`;
    const result = await sql<
      Record<SearchType, number>
    >`select ${sql.join(SEARCH_TYPES.map((t) => sql`${count(t)} as ${sql.ref(t)}`))}`.execute(db);
    const row = result.rows[0]!;
    return Object.fromEntries(SEARCH_TYPES.map((t) => [t, { n: Number(row[t]), exact: Number(row[t]) <= cap }])) as Record<
      SearchType,
      TypeCount
    >;
  },
};

function vector(d: SearchDocument) {
  return sql`setweight(to_tsvector('simple', ${vectorText(d.heading)}), 'A')
    || setweight(to_tsvector('simple', ${vectorText(d.keywords)}), 'B')
    || setweight(to_tsvector('simple', ${vectorText(d.body)}), 'C')`;
}
