import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { indexDocuments, searchDocument, type SearchDocument, type SearchSelection, type SearchSource } from '../../search/index.js';
import { COLLATERAL_KIND_LABELS } from '../contract/collateral.js';

/*
 * Collateral items as the global search holds them. Presales decides what is searchable (title,
 * kind, product area, tags, description, the current file's name); the search module stores, ranks
 * and rebuilds through collateralSearchSource, wired in src/app/wire-modules.ts. Items are internal
 * documents: the portal's search never returns them.
 */

/** Items' documents, by id (the write path) or the next page by id (a rebuild). */
export async function loadCollateralSearchDocuments(db: Kysely<Database>, selection: SearchSelection): Promise<SearchDocument[]> {
  if ('ids' in selection && !selection.ids.length) return [];
  let q = db
    .selectFrom('collateral_items as i')
    .leftJoin('collateral_versions as v', 'v.id', 'i.current_version_id')
    .select(['i.id', 'i.title', 'i.kind', 'i.product_area', 'i.tags', 'i.description', 'i.status', 'i.updated_at', 'v.filename'])
    .orderBy('i.id');
  q =
    'ids' in selection
      ? q.where('i.id', 'in', selection.ids)
      : (selection.after ? q.where('i.id', '>', selection.after) : q).limit(selection.limit);
  const rows = await q.execute();
  return rows.map((r) =>
    searchDocument('collateral', r.id, {
      title: r.title,
      heading: r.title,
      keywords: [COLLATERAL_KIND_LABELS[r.kind], r.product_area, ...(JSON.parse(r.tags) as string[])].filter(Boolean).join(' · '),
      body: [r.description, r.filename].filter(Boolean).join('\n'),
      accountId: null,
      ticketId: null,
      status: r.status,
      visibility: 'internal',
      updatedAt: r.updated_at,
    }),
  );
}

/** Re-indexes a created or changed item (call it in the transaction that changed it). */
export async function indexCollateral(db: Kysely<Database>, itemId: string): Promise<void> {
  await indexDocuments(db, await loadCollateralSearchDocuments(db, { ids: [itemId] }));
}

/** Where a search rebuild reads collateral documents. */
export const collateralSearchSource: SearchSource = {
  type: 'collateral',
  count: async (db) =>
    Number(
      (
        await db
          .selectFrom('collateral_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  loadBatch: (db, after, limit) => loadCollateralSearchDocuments(db, { after, limit }),
  existingIds: async (db, ids) =>
    ids.length ? (await db.selectFrom('collateral_items').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : [],
};
