import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { requestHealthRefresh } from '../health/health-refresher.js';

/**
 * What runs once a usage batch (or an account's licences) has committed: the health of the accounts
 * touched is recomputed shortly after (health/health-refresher.ts), so adoption and the active-user
 * trend move the score without waiting for the periodic pass.
 * A failure there is reported, never thrown: the batch is stored, and a retry would only come back
 * as duplicates, so failing the request would tell the sender nothing useful.
 */
export function afterIngest(db: Kysely<Database>, accountIds: readonly string[], onError: (err: unknown) => void): void {
  requestHealthRefresh(db, accountIds, onError);
}
