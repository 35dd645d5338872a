import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { refreshFiguresOfOpportunity } from '../../feedback/index.js';
import { opportunityRefs } from '../opportunities/opportunity-refs.js';
import { isOpenDeal } from './deal.js';

/**
 * Keeps the feedback ranking's pipeline true to the deal: called (inside the write's transaction,
 * after the row changed) whenever an opportunity's ARR or stage changes, so the feature requests
 * its gaps block — and any that list it as a blocker — carry the new ARR, and stop counting once
 * the deal closes.
 */
export async function opportunityFiguresChanged(trx: Kysely<Database>, opportunityId: string): Promise<void> {
  const deal = (await opportunityRefs(trx, [opportunityId])).get(opportunityId);
  if (!deal) return;
  await refreshFiguresOfOpportunity(trx, opportunityId, { arr: deal.arr, open: isOpenDeal(deal) });
}
