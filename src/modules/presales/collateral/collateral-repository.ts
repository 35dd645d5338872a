import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type Page } from '../../../kernel/pagination.js';
import type { z } from 'zod';
import type { collateralListQuery } from '../contract/collateral.js';
import { foldText, searchWords } from './search-text.js';
import type { CollateralItemsTable, CollateralSendsTable, CollateralVersionsTable } from './tables.js';

/** A version without its bytes: what every list and detail reads. */
export type VersionMeta = Omit<CollateralVersionsTable, 'content'>;

/** An item with its current version's metadata (null only mid-creation). */
export type ItemWithCurrent = CollateralItemsTable & { current: VersionMeta | null };

const VERSION_META = [
  'id',
  'item_id',
  'version',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'note',
  'uploaded_by',
  'uploaded_at',
] as const;

export async function findItemRow(db: Kysely<Database>, id: string): Promise<CollateralItemsTable | undefined> {
  return db.selectFrom('collateral_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertItem(db: Kysely<Database>, row: CollateralItemsTable): Promise<void> {
  await db.insertInto('collateral_items').values(row).execute();
}

export async function updateItem(db: Kysely<Database>, id: string, changes: Partial<CollateralItemsTable>): Promise<void> {
  await db.updateTable('collateral_items').set(changes).where('id', '=', id).execute();
}

/**
 * Takes the item's next version number in one atomic update (the row lock serialises two uploads
 * at once on PostgreSQL; SQLite has one writer), so two versions never share a number.
 */
export async function nextVersionNumber(db: Kysely<Database>, itemId: string, at: string): Promise<number> {
  const row = await db
    .updateTable('collateral_items')
    .set((eb) => ({ version_count: eb('version_count', '+', 1), updated_at: at }))
    .where('id', '=', itemId)
    .returning('version_count')
    .executeTakeFirstOrThrow();
  return Number(row.version_count);
}

export async function insertVersion(db: Kysely<Database>, row: CollateralVersionsTable): Promise<void> {
  await db.insertInto('collateral_versions').values(row).execute();
}

/** Items by id with their current version's metadata, in one read. */
export async function itemsWithCurrent(db: Kysely<Database>, ids: readonly string[]): Promise<ItemWithCurrent[]> {
  if (!ids.length) return [];
  const items = await db.selectFrom('collateral_items').selectAll().where('id', 'in', ids).execute();
  const versionIds = items.map((i) => i.current_version_id).filter((v): v is string => Boolean(v));
  const versions = versionIds.length
    ? await db.selectFrom('collateral_versions').select(VERSION_META).where('id', 'in', versionIds).execute()
    : [];
  const byId = new Map(versions.map((v) => [v.id, v]));
  const order = new Map(ids.map((id, i) => [id, i]));
  return items
    .map((i) => ({ ...i, current: i.current_version_id ? (byId.get(i.current_version_id) ?? null) : null }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Every version of an item, newest first, without bytes. */
export async function versionsOf(db: Kysely<Database>, itemId: string): Promise<VersionMeta[]> {
  return db.selectFrom('collateral_versions').select(VERSION_META).where('item_id', '=', itemId).orderBy('version', 'desc').execute();
}

export async function findVersionMeta(db: Kysely<Database>, id: string): Promise<VersionMeta | undefined> {
  return db.selectFrom('collateral_versions').select(VERSION_META).where('id', '=', id).executeTakeFirst();
}

/** A version with its bytes, only when it belongs to `itemId`. */
export async function findVersionFile(
  db: Kysely<Database>,
  itemId: string,
  versionId: string,
): Promise<CollateralVersionsTable | undefined> {
  return db.selectFrom('collateral_versions').selectAll().where('id', '=', versionId).where('item_id', '=', itemId).executeTakeFirst();
}

/** How often each version of an item was sent. */
export async function sendCountsByVersion(db: Kysely<Database>, itemId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('collateral_sends')
    .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', '=', itemId)
    .groupBy('version_id')
    .execute();
  return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
}

/** The item has the tag, whatever its case or accents: its folded form, quoted, is in `tag_keys`. */
function hasTag(tag: string) {
  return likeText('tag_keys', JSON.stringify(foldText(tag)), 'contains');
}

/** A page of items matching the list's filters, in the chosen order, cut by a keyset cursor. */
export async function listItemIds(db: Kysely<Database>, q: z.output<typeof collateralListQuery>): Promise<Page<string>> {
  let query = db.selectFrom('collateral_items').select(['id', 'updated_at', 'title', 'send_count']);
  if (q.status !== 'all') query = query.where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const area = q.productArea;
  // The exact value (what the filter offers) or the same in another ASCII case (a typed one).
  if (area)
    query = query.where((eb) => eb.or([eb('product_area', '=', area), eb(sql<string>`lower(product_area)`, '=', area.toLowerCase())]));
  if (q.tag) query = query.where(hasTag(q.tag));
  for (const word of searchWords(q.q)) query = query.where(likeText('search_text', word, 'contains'));

  if (q.sort === 'title') {
    if (q.cursor) query = query.where(keysetAfter('title', 'id', decodeCursor(q.cursor, 'string'), 'asc'));
    query = query.orderBy('title', 'asc').orderBy('id', 'asc');
  } else if (q.sort === 'most_sent') {
    if (q.cursor) query = query.where(keysetAfter('send_count', 'id', decodeCursor(q.cursor, 'integer'), 'desc'));
    query = query.orderBy('send_count', 'desc').orderBy('id', 'desc');
  } else {
    if (q.cursor) query = query.where(keysetAfter('updated_at', 'id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
    query = query.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  }
  const rows = await query.limit(q.limit + 1).execute();
  const page = toPage(rows, q.limit, (r) =>
    encodeCursor(q.sort === 'title' ? r.title : q.sort === 'most_sent' ? Number(r.send_count) : r.updated_at, r.id),
  );
  return { items: page.items.map((r) => r.id), nextCursor: page.nextCursor };
}

/** Kind, product area and tags of every item with the status, for the list's filter options. */
export async function facetRows(
  db: Kysely<Database>,
  status: z.output<typeof collateralListQuery>['status'],
): Promise<Pick<CollateralItemsTable, 'kind' | 'product_area' | 'tags'>[]> {
  let query = db.selectFrom('collateral_items').select(['kind', 'product_area', 'tags']);
  if (status && status !== 'all') query = query.where('status', '=', status);
  return query.execute();
}

// ---- sends ----

export async function insertSend(db: Kysely<Database>, row: CollateralSendsTable): Promise<void> {
  await db.insertInto('collateral_sends').values(row).execute();
}

export async function countSend(db: Kysely<Database>, itemId: string, at: string): Promise<void> {
  await db
    .updateTable('collateral_items')
    .set((eb) => ({ send_count: eb('send_count', '+', 1), last_sent_at: at }))
    .where('id', '=', itemId)
    .execute();
}

export async function findSend(db: Kysely<Database>, id: string): Promise<CollateralSendsTable | undefined> {
  return db.selectFrom('collateral_sends').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Removes a send and takes it off its item's count; the last send time becomes the latest one left. */
export async function deleteSend(db: Kysely<Database>, send: Pick<CollateralSendsTable, 'id' | 'item_id'>): Promise<void> {
  await db.deleteFrom('collateral_sends').where('id', '=', send.id).execute();
  const left = await db
    .selectFrom('collateral_sends')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('sent_at').as('last')])
    .where('item_id', '=', send.item_id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('collateral_items')
    .set({ send_count: Number(left.n), last_sent_at: left.last === null ? null : String(left.last) })
    .where('id', '=', send.item_id)
    .execute();
}

/** A send with its item and version, as the history lists show it. */
export type SendRow = CollateralSendsTable & {
  item_title: string;
  item_kind: CollateralItemsTable['kind'];
  item_status: CollateralItemsTable['status'];
  current_version_id: string | null;
  version_number: number;
  filename: string;
  content_type: string;
  size_bytes: number;
};

/** Sends of an item or of an opportunity, newest first, cut by a keyset cursor. */
export async function listSends(
  db: Kysely<Database>,
  by: { itemId: string } | { opportunityId: string },
  page: { cursor?: string | undefined; limit: number },
): Promise<Page<SendRow>> {
  let query = db
    .selectFrom('collateral_sends as s')
    .innerJoin('collateral_items as i', 'i.id', 's.item_id')
    .innerJoin('collateral_versions as v', 'v.id', 's.version_id')
    .selectAll('s')
    .select([
      'i.title as item_title',
      'i.kind as item_kind',
      'i.status as item_status',
      'i.current_version_id',
      'v.version as version_number',
      'v.filename',
      'v.content_type',
      'v.size_bytes',
    ]);
  query = 'itemId' in by ? query.where('s.item_id', '=', by.itemId) : query.where('s.opportunity_id', '=', by.opportunityId);
  if (page.cursor) query = query.where(keysetAfter('s.sent_at', 's.id', decodeCursor(page.cursor, 'timestamp'), 'desc'));
  const rows = await query
    .orderBy('s.sent_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, (r) => encodeCursor(r.sent_at, r.id));
}

/** Sends per item since a moment (all time when null), most first. */
export async function mostSentRows(
  db: Kysely<Database>,
  since: string | null,
  limit: number,
): Promise<{ item_id: string; sends: number; opportunities: number; last_sent_at: string }[]> {
  let query = db
    .selectFrom('collateral_sends')
    .select((eb) => [
      'item_id',
      eb.fn.countAll<number>().as('sends'),
      eb.fn.count<number>('opportunity_id').distinct().as('opportunities'),
      eb.fn.max('sent_at').as('last_sent_at'),
    ]);
  if (since) query = query.where('sent_at', '>=', since);
  const rows = await query
    .groupBy('item_id')
    .orderBy('sends', 'desc')
    .orderBy('last_sent_at', 'desc')
    .orderBy('item_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    item_id: r.item_id,
    sends: Number(r.sends),
    opportunities: Number(r.opportunities),
    last_sent_at: String(r.last_sent_at),
  }));
}
