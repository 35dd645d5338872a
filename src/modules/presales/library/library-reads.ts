import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage } from '../../../kernel/pagination.js';
import { memberRefs } from '../../team/index.js';
import type { LibraryEntry, LibraryFacets, LibraryList, libraryListQuery, ReviewQueue, reviewQueueQuery } from '../contract/library.js';
import { libraryIndex, rankEntries, type IndexedEntry } from './library-index.js';
import { entryAbilities, type LibraryCaller } from './policy.js';
import { dueSoonUntil, isStale, REVIEW_DUE_SOON_DAYS } from './review-schedule.js';
import type { LibraryEntriesTable } from './tables.js';

/** Reading the answer library: one entry, the searchable list, the review queue, the filter facets. */

export type EntryRow = Selectable<LibraryEntriesTable>;
type ListQuery = z.output<typeof libraryListQuery>;
type QueueQuery = z.output<typeof reviewQueueQuery>;

export async function findEntryRow(db: Kysely<Database>, id: string): Promise<EntryRow> {
  const row = await db.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.libraryEntryNotFound();
  return row;
}

/** Entries as the API shows them: variants and member names in one read each for all rows. */
export async function hydrateEntries(
  db: Kysely<Database>,
  caller: LibraryCaller,
  rows: EntryRow[],
  now = new Date(),
): Promise<LibraryEntry[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [variants, members] = await Promise.all([
    db
      .selectFrom('library_entry_variants')
      .select(['id', 'entry_id', 'text'])
      .where('entry_id', 'in', ids)
      .orderBy('entry_id')
      .orderBy('position')
      .execute(),
    memberRefs(
      db,
      rows.flatMap((r) => [r.owner_id, r.last_reviewed_by, r.approved_by, r.created_by]),
    ),
  ]);
  const byEntry = new Map<string, { id: string; text: string }[]>();
  for (const v of variants) {
    const list = byEntry.get(v.entry_id) ?? [];
    list.push({ id: v.id, text: v.text });
    byEntry.set(v.entry_id, list);
  }
  const member = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    variants: byEntry.get(r.id) ?? [],
    shortAnswer: r.short_answer,
    longAnswer: r.long_answer,
    productArea: r.product_area,
    tags: JSON.parse(r.tags) as string[],
    owner: member(r.owner_id),
    status: r.status,
    stale: isStale({ status: r.status, reviewDueAt: r.review_due_at }, now),
    reviewIntervalDays: Number(r.review_interval_days),
    lastReviewedAt: r.last_reviewed_at,
    lastReviewedBy: member(r.last_reviewed_by),
    reviewDueAt: r.review_due_at,
    usageCount: Number(r.usage_count),
    lastUsedAt: r.last_used_at,
    sourceQuestionId: r.source_question_id,
    approvedAt: r.approved_at,
    approvedBy: member(r.approved_by),
    createdBy: member(r.created_by),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    can: entryAbilities({ ...r, usage_count: Number(r.usage_count) }, caller),
  }));
}

export async function getEntry(db: Kysely<Database>, caller: LibraryCaller, id: string): Promise<LibraryEntry> {
  return (await hydrateEntries(db, caller, [await findEntryRow(db, id)]))[0]!;
}

/** The owner a filter names: `me` is the caller. */
function ownerFilter(owner: string | undefined, caller: LibraryCaller): string | undefined {
  return owner === 'me' ? (caller.memberId ?? '') : owner;
}

/** The list filters as a predicate over indexed entries (the search path) … */
function acceptsEntry(q: ListQuery, caller: LibraryCaller, now: Date): (e: IndexedEntry) => boolean {
  const owner = ownerFilter(q.owner, caller);
  return (e) =>
    (q.status ? e.status === q.status : e.status !== 'archived') &&
    (q.productArea === undefined || e.productArea === q.productArea) &&
    (q.tag === undefined || e.tags.includes(q.tag)) &&
    (owner === undefined || e.ownerId === owner) &&
    (q.stale === undefined || isStale(e, now) === q.stale);
}

/** … and as SQL (the browse path). */
function filtered<O>(query: SelectQueryBuilder<Database, 'library_entries', O>, q: ListQuery, caller: LibraryCaller, now: Date) {
  let out = q.status ? query.where('status', '=', q.status) : query.where('status', '!=', 'archived');
  if (q.productArea !== undefined) out = out.where('product_area', '=', q.productArea);
  // Tags are a JSON array of strings: the tag's JSON form, quotes included, matches whole tags only.
  if (q.tag !== undefined) out = out.where(likeText('tags', JSON.stringify(q.tag), 'contains'));
  const owner = ownerFilter(q.owner, caller);
  if (owner !== undefined) out = out.where('owner_id', '=', owner);
  const at = now.toISOString();
  if (q.stale === true) out = out.where('status', '=', 'approved').where('review_due_at', '<', at);
  if (q.stale === false) out = out.where((eb) => eb.or([eb('status', '!=', 'approved'), eb('review_due_at', '>=', at)]));
  return out;
}

/**
 * The library list: with `q`, entries ranked by full text (question, variants, answer; the last
 * word completes as a prefix) and paged by rank; without, newest change first, keyset-paged.
 */
export async function listEntries(db: Kysely<Database>, caller: LibraryCaller, q: ListQuery, now = new Date()): Promise<LibraryList> {
  if (q.q) return searchEntries(db, caller, q, q.q, now);
  const base = filtered(db.selectFrom('library_entries'), q, caller, now);
  let page = base.selectAll();
  if (q.cursor) page = page.where(keysetAfter('updated_at', 'id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
  const [rows, total] = await Promise.all([
    page
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => encodeCursor(r.updated_at, r.id));
  return {
    items: (await hydrateEntries(db, caller, items, now)).map((e) => ({ ...e, score: null })),
    nextCursor,
    total: Number(total.n),
  };
}

async function searchEntries(db: Kysely<Database>, caller: LibraryCaller, q: ListQuery, text: string, now: Date): Promise<LibraryList> {
  const index = await libraryIndex(db);
  const ranked = rankEntries(index, text, { accept: acceptsEntry(q, caller, now), prefixLast: true });
  // A ranked list pages by position: the cursor carries the offset of the next page.
  const offset = q.cursor ? Number(decodeCursor(q.cursor, 'integer').sortValue) : 0;
  const slice = ranked.slice(offset, offset + q.limit);
  const ids = slice.map((r) => r.entry.id);
  const rows = ids.length ? await db.selectFrom('library_entries').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map((await hydrateEntries(db, caller, rows, now)).map((e) => [e.id, e]));
  const items = slice.flatMap((r) => {
    const entry = byId.get(r.entry.id);
    return entry ? [{ ...entry, score: r.score }] : [];
  });
  const next = offset + q.limit;
  return { items, nextCursor: next < ranked.length ? encodeCursor(next, 'rank') : null, total: ranked.length };
}

/**
 * An owner's review queue: approved entries that are stale or fall due within
 * REVIEW_DUE_SOON_DAYS, most overdue first. `owner` is `me`, `all` or a member id.
 */
export async function reviewQueue(db: Kysely<Database>, caller: LibraryCaller, q: QueueQuery, now = new Date()): Promise<ReviewQueue> {
  const until = dueSoonUntil(now);
  const at = now.toISOString();
  let base = db.selectFrom('library_entries').where('status', '=', 'approved').where('review_due_at', '<', until);
  if (q.owner !== 'all') base = base.where('owner_id', '=', ownerFilter(q.owner, caller) ?? '');
  let page = base.selectAll();
  if (q.cursor) page = page.where(keysetAfter('review_due_at', 'id', decodeCursor(q.cursor, 'timestamp'), 'asc'));
  const [rows, counts] = await Promise.all([
    page
      .orderBy('review_due_at')
      .orderBy('id')
      .limit(q.limit + 1)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('review_due_at', '<', at).then(1).else(0).end()).as('stale'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => encodeCursor(r.review_due_at, r.id));
  const stale = Number(counts.stale ?? 0);
  return {
    items: await hydrateEntries(db, caller, items, now),
    nextCursor,
    counts: { stale, dueSoon: Number(counts.total) - stale },
    dueWithinDays: REVIEW_DUE_SOON_DAYS,
  };
}

/** What the list can be filtered by: product areas and tags in use (not counting archived entries), and counts by status. */
export async function libraryFacets(db: Kysely<Database>, now = new Date()): Promise<LibraryFacets> {
  const [areas, tagRows, statuses, stale] = await Promise.all([
    db
      .selectFrom('library_entries')
      .select(['product_area', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '!=', 'archived')
      .where('product_area', 'is not', null)
      .groupBy('product_area')
      .orderBy('product_area')
      .execute(),
    db.selectFrom('library_entries').select('tags').where('status', '!=', 'archived').where('tags', '!=', '[]').execute(),
    db
      .selectFrom('library_entries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('library_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'approved')
      .where('review_due_at', '<', now.toISOString())
      .executeTakeFirstOrThrow(),
  ]);
  const tagCounts = new Map<string, number>();
  for (const r of tagRows) for (const t of JSON.parse(r.tags) as string[]) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const count = (s: string) => Number(statuses.find((r) => r.status === s)?.n ?? 0);
  return {
    productAreas: areas.map((a) => ({ name: a.product_area!, count: Number(a.n) })),
    tags: [...tagCounts].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    counts: { draft: count('draft'), approved: count('approved'), archived: count('archived'), stale: Number(stale.n) },
  };
}
