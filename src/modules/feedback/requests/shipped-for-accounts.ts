/**
 * Batch read for the success module's business reviews (issue 15): the feature requests that
 * shipped in a period and that each account asked for (one of its feedback items is linked to the
 * request). One query.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export interface ShippedRequest {
  id: string;
  title: string;
  shippedAt: string;
  targetRelease: string | null;
}

/** Requests shipped in [from, to) (ISO instants) per account, in shipping order. */
export async function requestsShippedFor(
  db: Kysely<Database>,
  accountIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, ShippedRequest[]>> {
  const out = new Map<string, ShippedRequest[]>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom('feedback_items as i')
    .innerJoin('feature_requests as r', 'r.id', 'i.request_id')
    .select(['i.account_id', 'r.id', 'r.title', 'r.shipped_at', 'r.target_release'])
    .distinct()
    .where('i.account_id', 'in', [...new Set(accountIds)])
    .where('r.status', '=', 'shipped')
    .where('r.shipped_at', '>=', from)
    .where('r.shipped_at', '<', to)
    .orderBy('r.shipped_at')
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ id: r.id, title: r.title, shippedAt: new Date(r.shipped_at!).toISOString(), targetRelease: r.target_release });
    out.set(r.account_id, list);
  }
  return out;
}
