import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { opportunityRefs } from '../opportunities/opportunity-refs.js';
import { isOpenDeal } from './deal.js';

/**
 * A deal as a feedback source (the feedback module reads it through its `presalesSources` port):
 * its account, a label naming it and its page. Null when no opportunity has this id.
 */
export async function opportunityFeedbackSource(
  db: Kysely<Database>,
  id: string,
): Promise<{ accountId: string; label: string; url: string } | null> {
  const deal = (await opportunityRefs(db, [id])).get(id);
  return deal ? { accountId: deal.accountId, label: `Opportunity · ${deal.name}`, url: `/presales/opportunities/${deal.id}` } : null;
}

/**
 * The ARR of each given deal that is still open, for the feedback ranking's pipeline (its
 * `openOpportunityArr` port); closed and unknown deals are left out, so they stop counting.
 */
export async function openOpportunityArr(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  const deals = await opportunityRefs(db, ids);
  return new Map([...deals.values()].filter(isOpenDeal).map((d) => [d.id, d.arr]));
}
