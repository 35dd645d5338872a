import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Keeps the feedback ranking's pipeline true to the deal: called (inside the write's transaction)
 * whenever an opportunity's ARR or stage changes, so the feature requests its gaps block carry the
 * new ARR, and stop counting once the deal closes. Placeholder until the solutions area is built.
 */
export async function opportunityFiguresChanged(trx: Kysely<Database>, opportunityId: string): Promise<void> {
  void trx;
  void opportunityId;
}
