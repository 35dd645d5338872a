import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { CLOSED_STAGES } from '../contract/kinds.js';
import { opportunityRefs, type OpportunityRef } from '../opportunities/opportunity-refs.js';

/** The deal a requirement, design or SOW hangs on; 404 when there is none. */
export async function requireDeal(db: Kysely<Database>, opportunityId: string): Promise<OpportunityRef> {
  const deal = (await opportunityRefs(db, [opportunityId])).get(opportunityId);
  if (!deal) throw errors.opportunityNotFound();
  return deal;
}

/** A deal still being worked: its ARR counts as pipeline. */
export const isOpenDeal = (deal: Pick<OpportunityRef, 'stage'>): boolean => !CLOSED_STAGES.includes(deal.stage);
