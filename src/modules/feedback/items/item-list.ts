import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, likeText, type Page } from '../../../kernel/pagination.js';
import type { feedbackListQuery, FeedbackItem } from '../contract/items.js';
import { requestFigures } from '../requests/ranking.read-model.js';
import { toItemViews } from './item-view.js';
import { suggestRequests } from './suggestions.js';

export type FeedbackListQuery = z.output<typeof feedbackListQuery>;

function filtered(db: Kysely<Database>, q: Partial<FeedbackListQuery>) {
  let query = db.selectFrom('feedback_items').selectAll();
  if (q.linked === 'linked') query = query.where('request_id', 'is not', null);
  if (q.linked === 'unlinked') query = query.where('request_id', 'is', null);
  if (q.accountId) query = query.where('account_id', '=', q.accountId);
  if (q.requestId) query = query.where('request_id', '=', q.requestId);
  if (q.sourceType) query = query.where('source_type', '=', q.sourceType);
  if (q.sourceId) query = query.where('source_id', '=', q.sourceId);
  if (q.impact) query = query.where('impact', '=', q.impact);
  if (q.productArea) query = query.where('product_area', '=', q.productArea);
  if (q.q) {
    const text = q.q.toLowerCase();
    query = query.where((eb) => eb.or([likeText(sql`lower(title)`, text, 'contains'), likeText(sql`lower(quote)`, text, 'contains')]));
  }
  return query;
}

/** Items newest first, filtered; a keyset on (created_at, id). */
export async function listFeedbackItems(db: Kysely<Database>, q: FeedbackListQuery): Promise<Page<FeedbackItem>> {
  let query = filtered(db, q);
  if (q.cursor) {
    const { sortValue, id } = decodeCursor(q.cursor, 'timestamp');
    const at = String(sortValue);
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: await toItemViews(db, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/**
 * The triage inbox: unlinked items first (newest first), then the linked ones, each with the three
 * requests it most resembles and their customer counts. Paged by position.
 */
export async function feedbackInbox(db: Kysely<Database>, q: FeedbackListQuery) {
  const offset = q.cursor ? Number(decodeCursor(q.cursor, 'integer').sortValue) : 0;
  const rows = await filtered(db, { ...q, linked: 'any' })
    .orderBy(sql`case when request_id is null then 0 else 1 end`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .offset(offset)
    .execute();
  const page = rows.slice(0, q.limit);
  const [items, suggestions, unlinked] = await Promise.all([
    toItemViews(db, page),
    Promise.all(page.map((r) => (r.request_id ? Promise.resolve([]) : suggestRequests(db, `${r.title} ${r.quote}`)))),
    filtered(db, { ...q, linked: 'unlinked' })
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const figures = await requestFigures(db, [...new Set(suggestions.flat().map((s) => s.id))]);
  return {
    items: items.map((item, i) => ({
      item,
      suggestions: suggestions[i]!.map((s) => ({
        id: s.id,
        title: s.title,
        status: s.status,
        customerCount: figures.get(s.id)?.customerCount ?? 0,
        why: `Shares ${s.words.map((w) => `“${w}”`).join(', ')}`,
      })),
    })),
    unlinkedCount: Number(unlinked.n),
    nextCursor: rows.length > q.limit ? encodeCursor(offset + q.limit, 'inbox') : null,
  };
}
