import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SearchDocument } from './documents.js';
import { toTsQuery, wordsOf } from './query-text.js';
import { filterSql, type SearchFilters } from './search-filters.js';
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
/** How much larger each further look for candidates is than the one before, and the largest first look (see newestMatches). */
const WIDEN = 4;
const MAX_FIRST_WINDOW = 100_000;
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
    const tsquery = toTsQuery(query);
    const candidates = await newestMatches(db, tsquery, filters);
    if (!candidates.length) return [];
    // Ranked and excerpted: the candidates by score, then the page's rows with their headlines.
    const result = await sql<HitRow>`
      with q as (select to_tsquery('simple', ${tsquery}) as query),
      hits as (
        select d.id, ts_rank_cd(${WEIGHTS}, d.document, q.query, ${NORMALISATION}) as score, d.updated_at
        from search_documents d, q
        where d.id = any(${candidates})
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

/**
 * The ids of the CANDIDATES most recent matches, newest first, reading only the rows of matches
 * near the newest end of the table.
 *
 * GIN gives the matches in no useful order, so "the newest 500 matches" once meant visiting the row
 * of every match to sort them by id: at 100k tickets a common word matched 17–20k documents and that
 * visit was most of a search (60–90 ms), growing with the table. Walking the primary key backwards
 * instead tests the match on every row it passes, and the planner chose it for common words (30 ms).
 * So the matches are looked for among the newest ids only (the index's matches intersected with the
 * id range before any row is read), in a window sized from the planner's estimate of how many
 * documents match to hold about twice CANDIDATES of them (MAX_FIRST_WINDOW at most); when it holds fewer, the next older
 * window is WIDEN times as large, until CANDIDATES are found or the table is covered. The result
 * is the same newest 500. Each window reads the word's whole GIN entry again (at 1M tickets
 * 10–40 ms for a common word), which is why the first one is sized rather than guessed.
 */
export async function newestMatches(
  db: Kysely<Database>,
  tsquery: string,
  filters: SearchFilters,
  bounds: { candidates: number; widen: number; firstWindow?: number } = { candidates: CANDIDATES, widen: WIDEN },
): Promise<number[]> {
  const match = sql`d.document @@ to_tsquery('simple', ${tsquery}) and ${filterSql(filters)}`;
  const [newestRow, estimated] = await Promise.all([
    sql<{ id: number | null }>`select max(id) as id from search_documents`.execute(db),
    bounds.firstWindow ? null : estimatedRows(db, sql`select 1 from search_documents d where ${match}`),
  ]);
  const newest = newestRow.rows[0]?.id;
  const found: number[] = [];
  if (newest === null || newest === undefined) return found;
  // At most MAX_FIRST_WINDOW: the estimate of several words multiplies their frequencies as if
  // unrelated, and words that go together ("invoice seats") match far more often than that; a
  // window sized from it held every match (at 1M tickets, 300–600 ms of row reads).
  const sized = Math.ceil((2 * bounds.candidates * newest) / Math.max(estimated ?? 1, 1));
  const firstWindow = bounds.firstWindow ?? Math.min(sized, MAX_FIRST_WINDOW);
  let above: number | null = null;
  for (let window = firstWindow; ; window *= bounds.widen) {
    const floor = newest - window;
    // Materialised: ordered and limited in the same query, the planner would walk the primary key
    // backwards and test every row, the plan this function exists to avoid.
    const rows = await sql<{ id: number }>`
      with matches as materialized (
        select d.id from search_documents d
        where ${match} and d.id > ${floor} ${above === null ? sql`` : sql`and d.id <= ${above}`}
      )
      select id from matches order by id desc limit ${bounds.candidates - found.length}
    `.execute(db);
    for (const row of rows.rows) found.push(row.id);
    if (found.length >= bounds.candidates || floor <= 0) return found;
    above = floor;
  }
}

/** The planner's estimate of a query's rows (from the column statistics; nothing is read). */
async function estimatedRows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<number> {
  const result = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain (format json) ${query}`.execute(db);
  return Number(result.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}
