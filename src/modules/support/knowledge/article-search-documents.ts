import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { indexDocuments, searchDocument, type SearchDocument, type SearchSelection, type SearchSource } from '../../search/index.js';

/*
 * Knowledge-base articles as the search index holds them. Support owns what is searchable in an
 * article; the search module stores, ranks and rebuilds (through articleSearchSource, wired in
 * src/app/wire-modules.ts).
 */

/** Articles' documents, by id (the write path) or the next page by id (a rebuild). */
export async function loadArticleSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  let q = db.selectFrom('kb_articles').select(['id', 'title', 'body', 'visibility', 'status', 'product_area', 'updated_at']).orderBy('id');
  q =
    'ids' in selection
      ? q.where('id', 'in', selection.ids)
      : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
  const rows = await q.execute();
  const tags = new Map<string, string[]>();
  if (rows.length) {
    const found = await db
      .selectFrom('kb_article_tags')
      .select(['article_id', 'tag'])
      .where(
        'article_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('tag')
      .execute();
    for (const t of found) tags.set(t.article_id, [...(tags.get(t.article_id) ?? []), t.tag]);
  }
  return rows.map((r) =>
    searchDocument('article', r.id, {
      title: r.title,
      heading: r.title,
      keywords: [...(tags.get(r.id) ?? []), r.product_area].filter(Boolean).join(' · '),
      body: r.body,
      accountId: null,
      ticketId: null,
      status: r.status,
      visibility: r.visibility,
      updatedAt: r.updated_at,
    }),
  );
}

/** Re-indexes a created or changed article (its status decides whether the portal finds it). */
export async function indexArticle(db: Kysely<Database>, articleId: string): Promise<void> {
  await indexDocuments(db, await loadArticleSearchDocuments(db, { ids: [articleId] }));
}

/** Where a search rebuild reads article documents. */
export const articleSearchSource: SearchSource = {
  type: 'article',
  count: async (db) =>
    Number(
      (
        await db
          .selectFrom('kb_articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  loadBatch: (db, after, limit) => loadArticleSearchDocuments(db, { after, limit }),
  existingIds: async (db, ids) =>
    ids.length ? (await db.selectFrom('kb_articles').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : [],
};
