import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { requestSearchText } from '../feedback-text.js';
import { refreshRequestFigures } from './request-figures.js';

/**
 * The request an id stands for now: a merged request redirects to the one it was merged into
 * (and so on, in the rare chain), so links and votes always land on a live request.
 */
export async function liveRequestId(db: Kysely<Database>, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const row = await db.selectFrom('feature_requests').select(['id', 'merged_into_id']).where('id', '=', current).executeTakeFirst();
    if (!row) throw errors.featureRequestNotFound();
    if (!row.merged_into_id) return row.id;
    current = row.merged_into_id;
  }
  throw errors.featureRequestNotFound();
}

/**
 * Rewrites what a request derives from its items — the matching text and the ranking figures —
 * after any change to its title, description, items or blockers (in that change's transaction).
 */
export async function refreshRequest(db: Kysely<Database>, requestId: string): Promise<void> {
  await refreshRequestText(db, requestId);
  await refreshRequestFigures(db, [requestId]);
}

/** Rewrites a request's matching text from its title, description and linked items. */
async function refreshRequestText(db: Kysely<Database>, requestId: string): Promise<void> {
  const request = await db
    .selectFrom('feature_requests')
    .select(['title', 'description', 'product_area'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!request) return;
  const items = await db
    .selectFrom('feedback_items')
    .select(['title', 'quote'])
    .where('request_id', '=', requestId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const text = requestSearchText([
    request.title,
    request.description,
    request.product_area ?? '',
    ...items.flatMap((i) => [i.title, i.quote]),
  ]);
  await db.updateTable('feature_requests').set({ search_text: text, updated_at: nowIso() }).where('id', '=', requestId).execute();
}
