import type { SignOffReadiness } from '../contract/uat.js';
import type { UatOutcome } from '../contract/kinds.js';

/** A case as the sign-off rule sees it: the current outcome of each invitee who recorded one. */
export interface CaseOutcomes {
  id: string;
  title: string;
  position: number;
  outcomes: readonly UatOutcome[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const titles = (cases: { title: string }[]) =>
  cases
    .slice(0, 3)
    .map((c) => `“${c.title}”`)
    .join(', ') + (cases.length > 3 ? ` and ${cases.length - 3} more` : '');

/**
 * Whether a round may be signed off (the rule in contract/uat.ts): at least one case, a result on
 * every case from someone, and no standing failure. Pure, so the rule is tested with plain values.
 *
 * @example signOffReadiness([{ id: 'c1', title: 'Export', position: 1, outcomes: ['pass'] }]).ready // true
 */
export function signOffReadiness(cases: readonly CaseOutcomes[]): SignOffReadiness {
  const ref = (c: CaseOutcomes) => ({ id: c.id, name: c.title, position: c.position });
  const untested = cases.filter((c) => c.outcomes.length === 0);
  const failing = cases.filter((c) => c.outcomes.includes('fail'));
  const reasons: string[] = [];
  if (cases.length === 0) reasons.push('the round has no test cases yet');
  if (untested.length) reasons.push(`${plural(untested.length, 'case has', 'cases have')} no result yet (${titles(untested)})`);
  if (failing.length)
    reasons.push(
      `${plural(failing.length, 'case has', 'cases have')} a failure that has not been re-tested as a pass (${titles(failing)})`,
    );
  return {
    ready: reasons.length === 0,
    untestedCases: untested.map(ref),
    failingCases: failing.map(ref),
    reason: reasons.length ? `${reasons.join('; ')}.` : null,
  };
}
