import { CLOSED_STAGES, type OpportunityStage, type TechnicalWinStatus } from '../contract/kinds.js';

/** True while a deal is not closed won or closed lost. */
export function isOpenStage(stage: OpportunityStage): boolean {
  return !CLOSED_STAGES.includes(stage);
}

/**
 * When the deal closed: set on entering a closed stage (kept when moving between closed_won and
 * closed_lost, which corrects the outcome, not the date), cleared when the deal is reopened.
 */
export function closedAtAfter(
  before: { stage: OpportunityStage; closedAt: string | null } | null,
  stage: OpportunityStage,
  now: string,
): string | null {
  if (isOpenStage(stage)) return null;
  if (before && !isOpenStage(before.stage) && before.closedAt) return before.closedAt;
  return now;
}

/**
 * The technical win after a change. A reason given is kept; a status change without a reason
 * clears the old one (a "lost" reason does not explain a later "won"). `lost` needs a reason:
 * the result says so with `reasonMissing`.
 */
export function technicalWinAfter(
  before: { status: TechnicalWinStatus; reason: string | null },
  change: { status?: TechnicalWinStatus | undefined; reason?: string | null | undefined },
): { status: TechnicalWinStatus; reason: string | null; reasonMissing: boolean } {
  const status = change.status ?? before.status;
  let reason: string | null;
  if (change.reason !== undefined) reason = change.reason?.trim() || null;
  else reason = status === before.status ? before.reason : null;
  return { status, reason, reasonMissing: status === 'lost' && !reason };
}
