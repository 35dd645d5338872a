import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Search with bounded work per query (issue 7). The SQLite full-text table gets a fourth,
 * unweighted column, `facets`, holding one made-up word per filter a search can apply: the
 * record type (`ztticket`, `ztmessage`…), "a customer may see this" (`zportal`: public, and of
 * articles only published ones) and the account (`za` + the id without dashes). Filters then become part of the MATCH expression and
 * are answered from FTS5's own index, so "the 1,000 most recent matching tickets" or "are there
 * more than 1,000 matching messages" is a read of that many index entries, never a join from
 * every match to search_documents. The words are derived from search_documents columns by the
 * view the table reads its content from, so nothing else writes them; a query never matches
 * them by accident because the words a person types are confined to the text columns.
 *
 * The triggers now re-index a row only when what is indexed changed (an upsert rewrites every
 * column; a ticket's new status or a message's new display title must not cost an FTS rewrite).
 *
 * PostgreSQL needs no new structure: its filters are ordinary columns next to the GIN index.
 */
const FACETS = (r: 'new' | 'old' | 'd') =>
  sql.raw(
    `'zt' || ${r}.doc_type` +
      ` || case when ${r}.visibility = 'public' and (${r}.doc_type <> 'article' or ${r}.status = 'published') then ' zportal' else '' end` +
      ` || case when ${r}.account_id is not null then ' za' || replace(${r}.account_id, '-', '') else '' end`,
  );

export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'sqlite') return;
  await sql`drop trigger if exists search_documents_ai`.execute(db);
  await sql`drop trigger if exists search_documents_ad`.execute(db);
  await sql`drop trigger if exists search_documents_au`.execute(db);
  await sql`drop table if exists search_fts_vocab`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
  await sql`create view search_fts_source as
    select d.id, d.heading, d.keywords, d.body, ${FACETS('d')} as facets from search_documents d`.execute(db);
  await sql`create virtual table search_fts using fts5(
    heading, keywords, body, facets,
    content = 'search_fts_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`.execute(db);
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, heading, keywords, body, facets) values (new.id, new.heading, new.keywords, new.body, ${FACETS('new')});
  end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, heading, keywords, body, facets) values ('delete', old.id, old.heading, old.keywords, old.body, ${FACETS('old')});
  end`.execute(db);
  await sql`create trigger search_documents_au after update of heading, keywords, body, doc_type, visibility, status, account_id on search_documents
    when old.heading is not new.heading or old.keywords is not new.keywords or old.body is not new.body
      or (${FACETS('old')}) is not (${FACETS('new')})
    begin
      insert into search_fts(search_fts, rowid, heading, keywords, body, facets) values ('delete', old.id, old.heading, old.keywords, old.body, ${FACETS('old')});
      insert into search_fts(rowid, heading, keywords, body, facets) values (new.id, new.heading, new.keywords, new.body, ${FACETS('new')});
    end`.execute(db);
  // The index's own term list: a prefix the user typed ("gatew") is expanded once per search
  // into the words it stands for, so the searches that follow read those words' entries lazily
  // instead of each merging every entry of every word with the prefix.
  await sql`create virtual table search_fts_vocab using fts5vocab('search_fts', 'row')`.execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
}
