import type { TestApp } from '../../../../test/helpers/test-app.js';
import { newId } from '../../../kernel/ids.js';
import type { EngagementKind } from '../engagements/tables.js';

/**
 * An engagement for this module's tests, written straight into the table: POC criteria, training
 * and visits hang off an engagement but need no plan.
 */
export async function insertEngagement(
  t: TestApp,
  accountId: string,
  kind: EngagementKind = 'implementation',
  extra: { name?: string; opportunityId?: string } = {},
): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await t.db.kysely
    .insertInto('engagements')
    .values({
      id,
      account_id: accountId,
      kind,
      name: extra.name ?? `Engagement ${id.slice(-6)}`,
      description: null,
      status: 'active',
      lead_id: null,
      template_id: null,
      contract_start_date: null,
      start_date: '2026-03-02',
      target_go_live_date: '2026-05-01',
      actual_go_live_date: null,
      budget_hours: 100,
      opportunity_id: extra.opportunityId ?? null,
      poc_verdict: null,
      poc_verdict_note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
