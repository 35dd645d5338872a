import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import type { PocVerdictChange } from '../../delivery/index.js';
import { CLOSED_STAGES, type TechnicalWinStatus } from '../contract/kinds.js';
import { recordStageChange } from '../opportunities/stage-history.js';

/** The reason field's limit in the opportunity contract: a long verdict note is cut to fit. */
const REASON_LIMIT = 2000;

/**
 * The technical win a PoC verdict gives its deal, or null when it gives none: a pass wins it, a
 * fail loses it with the engineer's note as the reason, a pending verdict says nothing yet.
 *
 * @example technicalWinFromVerdict({ verdict: 'fail', engagementName: 'Pilot', note: 'Too slow', … })
 *   // { status: 'lost', reason: 'PoC “Pilot” failed: Too slow' }
 */
export function technicalWinFromVerdict(
  change: Pick<PocVerdictChange, 'verdict' | 'engagementName' | 'note'>,
): { status: TechnicalWinStatus; reason: string } | null {
  if (change.verdict === 'pending') return null;
  const note = change.note?.trim();
  const said = change.verdict === 'pass' ? 'passed' : 'failed';
  const reason = `PoC “${change.engagementName}” ${said}${note ? `: ${note}` : ''}`;
  return {
    status: change.verdict === 'pass' ? 'won' : 'lost',
    reason: reason.length > REASON_LIMIT ? `${reason.slice(0, REASON_LIMIT - 1)}…` : reason,
  };
}

/**
 * Delivery's port: a proof of concept linked to this deal got a verdict. Runs inside delivery's
 * transaction, so the verdict and the technical win are written together or not at all. A closed
 * deal keeps the technical win it closed with (its history is not rewritten); a deal already at
 * that status and reason is left untouched. The change is audited and enters the deal's history.
 */
export async function pocVerdictChanged(trx: Kysely<Database>, ctx: ChangeContext, change: PocVerdictChange): Promise<void> {
  const win = technicalWinFromVerdict(change);
  if (!win) return;
  const deal = await trx
    .selectFrom('opportunities')
    .select(['id', 'stage', 'technical_win', 'technical_win_reason'])
    .where('id', '=', change.opportunityId)
    .executeTakeFirst();
  if (!deal || CLOSED_STAGES.includes(deal.stage)) return;
  if (deal.technical_win === win.status && deal.technical_win_reason === win.reason) return;
  const at = nowIso();
  await trx
    .updateTable('opportunities')
    .set({ technical_win: win.status, technical_win_reason: win.reason, updated_at: at })
    .where('id', '=', deal.id)
    .execute();
  await recordStageChange(trx, ctx, deal.id, 'technical_win', deal.technical_win, win.status, win.reason, at);
  await recordAudit(trx, ctx, {
    action: 'opportunity.technical_win_from_poc',
    recordType: 'opportunity',
    recordId: deal.id,
    changes: {
      ...diff(
        { technicalWin: deal.technical_win, technicalWinReason: deal.technical_win_reason },
        { technicalWin: win.status, technicalWinReason: win.reason },
      ),
      pocEngagementId: [null, change.engagementId],
      pocVerdict: [null, change.verdict],
    },
  });
}
