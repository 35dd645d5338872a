import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import type { OpportunityStage } from '../contract/kinds.js';

/**
 * Tests' shortcut to an opportunity row, for areas whose tests need a deal to hang records on
 * (requirements, questionnaires, collateral sends) without going through the opportunity API.
 */
export async function insertOpportunity(
  db: Kysely<Database>,
  accountId: string,
  extra: { name?: string; arr?: number; stage?: OpportunityStage } = {},
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('opportunities')
    .values({
      id,
      account_id: accountId,
      name: extra.name ?? 'Test opportunity',
      stage: extra.stage ?? 'technical_validation',
      arr: extra.arr ?? 120000,
      close_date: null,
      sales_owner_id: null,
      sales_engineer_id: null,
      solutions_architect_id: null,
      technical_win: 'in_progress',
      technical_win_reason: null,
      products: '[]',
      description: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .execute();
  return id;
}
