import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { PortalContact } from '../../identity/index.js';
import type { PortalFeatureRequest } from '../contract/roadmap.js';
import { survivorsOf } from '../loop/request-family.js';

/** Work in progress first, then what is planned, then what is being considered, then what shipped. */
const STATUS_ORDER: Record<PortalFeatureRequest['status'], number> = { in_progress: 0, planned: 1, under_review: 2, shipped: 3 };
const LIMIT = 200;

/**
 * The public roadmap in the portal: requests product marked public, neither merged away nor
 * declined, with their status and whether the contact's own organisation asked for it. Nothing
 * internal leaves here: no scores, no revenue, no accounts, no quotes.
 */
export async function listPortalFeatureRequests(db: Kysely<Database>, contact: PortalContact): Promise<PortalFeatureRequest[]> {
  const rows = await db
    .selectFrom('feature_requests')
    .select(['id', 'title', 'description', 'status', 'target_release', 'shipped_at', 'updated_at'])
    .where('visibility', '=', 'public')
    .where('merged_into_id', 'is', null)
    .where('status', '!=', 'declined')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIMIT)
    .execute();
  const asked = await db
    .selectFrom('feedback_items')
    .select('request_id')
    .distinct()
    .where('account_id', '=', contact.accountId)
    .where('request_id', 'is not', null)
    .execute();
  // An item may still point at a request merged away; it counts for the survivor.
  const survivors = await survivorsOf(
    db,
    asked.map((a) => a.request_id!),
  );
  const askedFor = new Set(survivors.values());
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status as PortalFeatureRequest['status'],
      targetRelease: r.target_release,
      shippedAt: r.shipped_at,
      askedByYourAccount: askedFor.has(r.id),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
