import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { indexDocuments, searchDocument, type SearchDocument, type SearchSelection, type SearchSource } from '../search/index.js';

/*
 * Accounts and contacts as the search index holds them. Accounts owns what is searchable in its
 * records; the search module stores, ranks and rebuilds (through the sources below, wired in
 * src/app/wire-modules.ts).
 */

/** Accounts' documents (name, e-mail domains, tags; notes as text), by id (the write path, the bench seed) or the next page by id (a rebuild). */
export async function loadAccountSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  let q = db.selectFrom('accounts').select(['id', 'name', 'notes', 'updated_at']).orderBy('id');
  q =
    'ids' in selection
      ? q.where('id', 'in', selection.ids)
      : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
  const rows = await q.execute();
  const domains = new Map<string, string[]>();
  const tags = new Map<string, string[]>();
  if (rows.length) {
    const tagged = await db
      .selectFrom('account_tags')
      .select(['account_id', 'tag'])
      .where(
        'account_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('tag')
      .execute();
    for (const t of tagged) tags.set(t.account_id, [...(tags.get(t.account_id) ?? []), t.tag]);
    const found = await db
      .selectFrom('account_domains')
      .select(['account_id', 'domain'])
      .where(
        'account_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('domain')
      .execute();
    for (const d of found) domains.set(d.account_id, [...(domains.get(d.account_id) ?? []), d.domain]);
  }
  return rows.map((r) =>
    searchDocument('account', r.id, {
      title: r.name,
      heading: r.name,
      keywords: [...(domains.get(r.id) ?? []), ...(tags.get(r.id) ?? [])].join(' · '),
      body: r.notes ?? '',
      accountId: r.id,
      ticketId: null,
      visibility: 'internal',
      updatedAt: r.updated_at,
    }),
  );
}

/** Contacts' documents (name, e-mail, job title), selected as for accounts. */
export async function loadContactSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  let q = db.selectFrom('contacts').select(['id', 'account_id', 'name', 'email', 'title', 'updated_at']).orderBy('id');
  q =
    'ids' in selection
      ? q.where('id', 'in', selection.ids)
      : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
  return (await q.execute()).map((r) =>
    searchDocument('contact', r.id, {
      title: r.name,
      heading: r.name,
      keywords: [r.email, r.title].filter(Boolean).join(' · '),
      body: '',
      accountId: r.account_id,
      ticketId: null,
      visibility: 'internal',
      updatedAt: r.updated_at,
    }),
  );
}

/** Re-indexes a created or changed account. */
export async function indexAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  await indexDocuments(db, await loadAccountSearchDocuments(db, { ids: [accountId] }));
}

/** Re-indexes a created or changed contact. */
export async function indexContact(db: Kysely<Database>, contactId: string): Promise<void> {
  await indexDocuments(db, await loadContactSearchDocuments(db, { ids: [contactId] }));
}

async function countOf(db: Kysely<Database>, table: 'accounts' | 'contacts'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function existingIn(db: Kysely<Database>, table: 'accounts' | 'contacts', ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

/** Where a search rebuild reads contact documents. */
export const contactSearchSource: SearchSource = {
  type: 'contact',
  count: (db) => countOf(db, 'contacts'),
  loadBatch: (db, after, limit) => loadContactSearchDocuments(db, { after, limit }),
  existingIds: (db, ids) => existingIn(db, 'contacts', ids),
};

/** Where a search rebuild reads account documents. */
export const accountSearchSource: SearchSource = {
  type: 'account',
  count: (db) => countOf(db, 'accounts'),
  loadBatch: (db, after, limit) => loadAccountSearchDocuments(db, { after, limit }),
  existingIds: (db, ids) => existingIn(db, 'accounts', ids),
};
