import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Each account's open blocker feedback (for the health model): items of impact `blocker` that are
 * not linked to a request, or linked to one that has not shipped and was not declined.
 */
export async function openBlockerFeedback(db: Kysely<Database>, accountIds: readonly string[]): Promise<Map<string, number>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('feedback_items as i')
    .leftJoin('feature_requests as r', 'r.id', 'i.request_id')
    .select(['i.account_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('i.account_id', 'in', [...new Set(accountIds)])
    .where('i.impact', '=', 'blocker')
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', 'not in', ['shipped', 'declined'])]))
    .groupBy('i.account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
}
