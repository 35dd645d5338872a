import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { OpportunityStage, TechnicalWinStatus } from '../contract/kinds.js';

/** An opportunity as other areas and modules show it beside their own records (a PoC, a gap, a questionnaire). */
export interface OpportunityRef {
  id: string;
  name: string;
  accountId: string;
  arr: number;
  stage: OpportunityStage;
  technicalWin: TechnicalWinStatus;
}

/**
 * Opportunities by id in one read. Ids that match no opportunity are absent from the map.
 *
 * @example const deals = await opportunityRefs(db, pocs.map((p) => p.opportunity_id)); deals.get(id)?.name
 */
export async function opportunityRefs(
  db: Kysely<Database>,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, OpportunityRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'account_id', 'arr', 'stage', 'technical_win'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, accountId: r.account_id, arr: Number(r.arr), stage: r.stage, technicalWin: r.technical_win },
    ]),
  );
}
