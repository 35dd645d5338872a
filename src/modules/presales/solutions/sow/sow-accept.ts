import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { recordAudit } from '../../../../kernel/audit.js';
import { nowIso } from '../../../../kernel/clock.js';
import { errors } from '../../../../kernel/errors.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import { createEngagement } from '../../../delivery/index.js';
import { acceptSowBody, type AcceptSowInput, type StatementOfWork } from '../../contract/solutions.js';
import { requireDeal } from '../deal.js';
import { findSow, sowItemRows } from './sow-rows.js';
import { getSow } from './sow-service.js';
import { sowTotals } from './sow-totals.js';

/**
 * Accepting a sent SOW (`presales.manage`): in one transaction, the delivery engagement is created
 * on the deal's account — the kind chosen, named after the SOW, its budget the SOW's hours, its plan
 * from a template when one is named — and linked to the SOW, both audited. A second acceptance
 * (or one racing this) is refused with 409 and creates nothing.
 */
export async function acceptSow(db: Kysely<Database>, ctx: ChangeContext, id: string, raw: AcceptSowInput): Promise<StatementOfWork> {
  const input = acceptSowBody.parse(raw);
  const sow = await findSow(db, id);
  if (sow.status === 'accepted') throw errors.sowAlreadyAccepted({ engagementId: sow.engagement_id });
  if (sow.status !== 'sent') throw errors.sowNotSent({ status: sow.status });
  const deal = await requireDeal(db, sow.opportunity_id);
  const items = (await sowItemRows(db, [id])).get(id) ?? [];
  const totals = sowTotals(items.map((i) => ({ hours: Number(i.hours), hourlyRate: Number(i.hourly_rate) })));
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const engagement = await createEngagement(trx, ctx, {
      accountId: deal.accountId,
      kind: input.engagementKind,
      name: input.engagementName ?? sow.title,
      description: sow.summary || `Delivery of the statement of work "${sow.title}" (${deal.name}).`,
      startDate: input.startDate,
      budgetHours: totals.totalHours,
      templateId: input.templateId ?? null,
      leadId: input.leadId ?? null,
      opportunityId: deal.id,
    });
    const accepted = await trx
      .updateTable('statements_of_work')
      .set({
        status: 'accepted',
        decided_at: now,
        decided_by: ctx.memberId,
        engagement_id: engagement.id,
        engagement_kind: input.engagementKind,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    // Another acceptance got there first: roll the engagement back with this transaction.
    if (Number(accepted.numUpdatedRows) !== 1) throw errors.sowAlreadyAccepted();
    await recordAudit(trx, ctx, {
      action: 'sow.accepted',
      recordType: 'statement_of_work',
      recordId: id,
      changes: {
        status: ['sent', 'accepted'],
        engagement_id: [null, engagement.id],
        engagement_kind: [null, input.engagementKind],
        budget_hours: [null, totals.totalHours],
      },
    });
  });
  return getSow(db, id);
}
