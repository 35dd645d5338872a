import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { refreshHealth } from '../health/health-refresh.js';

/**
 * What runs once a usage batch (or an account's licences) has committed: the health of the accounts
 * touched is recomputed, so adoption and the active-user trend move the score without waiting for
 * the periodic pass.
 * A failure here is reported, never thrown: the batch is stored, and a retry would only come back
 * as duplicates, so failing the request would tell the sender nothing useful.
 */
export async function afterIngest(
  db: Kysely<Database>,
  now: Date,
  accountIds: readonly string[],
  onError: (err: unknown) => void,
): Promise<void> {
  if (accountIds.length === 0) return;
  try {
    await refreshHealth(db, now, accountIds);
  } catch (err) {
    onError(err);
  }
}
