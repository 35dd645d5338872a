import type { PocVerdict } from '../../delivery/contract/kinds.js';
import { POC_OUTCOMES, type PocOutcome, type WinLoss } from '../contract/pocs.js';

/**
 * How a deal's proofs of concept ended, as one outcome: a pass anywhere means the product was
 * proven (a failed first attempt followed by a passing rerun is a proven deal); otherwise a fail;
 * otherwise PoCs were run without a verdict; otherwise there was none.
 */
export function pocOutcomeOf(verdicts: readonly PocVerdict[]): PocOutcome {
  if (verdicts.includes('pass')) return 'pass';
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.length ? 'pending' : 'none';
}

/** Won ÷ closed, in percent with one decimal; null when nothing closed. */
export function winRate(won: number, lost: number): number | null {
  const closed = won + lost;
  return closed ? Math.round((won / closed) * 1000) / 10 : null;
}

interface ClosedDeal {
  outcome: 'won' | 'lost';
  arr: number;
  pocOutcome: PocOutcome;
}

type Row = WinLoss['totals'];

function rowOf(deals: readonly ClosedDeal[]): Row {
  const sum = (list: readonly ClosedDeal[]) => ({ count: list.length, arr: list.reduce((n, d) => n + d.arr, 0) });
  const won = sum(deals.filter((d) => d.outcome === 'won'));
  const lost = sum(deals.filter((d) => d.outcome === 'lost'));
  return { won, lost, total: sum(deals), winRate: winRate(won.count, lost.count) };
}

/**
 * Closed deals counted by PoC outcome × won/lost, with ARR and win rate per outcome and overall.
 * Every outcome has its row (zeros included), in the order pass, fail, pending, none.
 */
export function winLossTable(deals: readonly ClosedDeal[]): Pick<WinLoss, 'groups' | 'totals'> {
  return {
    groups: POC_OUTCOMES.map((pocOutcome) => ({ pocOutcome, ...rowOf(deals.filter((d) => d.pocOutcome === pocOutcome)) })),
    totals: rowOf(deals),
  };
}
