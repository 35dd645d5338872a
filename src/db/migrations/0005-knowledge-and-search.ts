import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Knowledge-base articles and their links to tickets, and the one full-text index over tickets,
 * messages, contacts, accounts and articles. The index is a plain table on both dialects
 * (`search_documents`); what makes it searchable differs: an external-content FTS5 table kept in
 * step by triggers on SQLite, a weighted `tsvector` column with a GIN index on PostgreSQL.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('product_area', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('members.id'))
    .addColumn('source_ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .execute();
  await db.schema.createIndex('kb_articles_updated').on('kb_articles').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('kb_articles_status').on('kb_articles').columns(['status', 'visibility', 'updated_at']).execute();

  await db.schema
    .createTable('kb_article_tags')
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_article_tags_pk', ['article_id', 'tag'])
    .execute();
  await db.schema.createIndex('kb_article_tags_tag').on('kb_article_tags').columns(['tag', 'article_id']).execute();

  await db.schema
    .createTable('kb_article_links')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('solved', 'integer', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('members.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_article_links_pk', ['ticket_id', 'article_id'])
    .execute();
  await db.schema.createIndex('kb_article_links_article').on('kb_article_links').columns(['article_id', 'solved']).execute();

  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', (c) => t.serialPrimaryKey(c))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('status', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('search_documents_key', ['doc_type', 'doc_id'])
    .execute();
  await db.schema.createIndex('search_documents_ticket').on('search_documents').columns(['ticket_id', 'doc_type']).execute();
  await db.schema.createIndex('search_documents_account').on('search_documents').column('account_id').execute();

  if (t.dialect === 'sqlite') {
    // External content: the text lives once, in search_documents; snippet() reads it from there.
    // Prefix indexes for 2- and 3-character prefixes make type-ahead ("exp*") a direct lookup.
    await sql`create virtual table search_fts using fts5(
      heading, keywords, body,
      content = 'search_documents', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, heading, keywords, body) values (new.id, new.heading, new.keywords, new.body);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, heading, keywords, body) values ('delete', old.id, old.heading, old.keywords, old.body);
    end`.execute(db);
    // Only a change of the indexed text touches the index (a message's display title does not).
    await sql`create trigger search_documents_au after update of heading, keywords, body on search_documents begin
      insert into search_fts(search_fts, rowid, heading, keywords, body) values ('delete', old.id, old.heading, old.keywords, old.body);
      insert into search_fts(rowid, heading, keywords, body) values (new.id, new.heading, new.keywords, new.body);
    end`.execute(db);
  } else {
    // Written by the index adapter from diacritic-folded text (see postgres-index.ts), so it is
    // not a generated column: unaccent() is not immutable and not always installed.
    await sql`alter table search_documents add column document tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  }
}
