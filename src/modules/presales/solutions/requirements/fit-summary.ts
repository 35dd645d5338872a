import {
  REQUIREMENT_FITS,
  REQUIREMENT_PRIORITIES,
  type FitSummary,
  type RequirementFit,
  type RequirementPriority,
} from '../../contract/solutions.js';

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * How well the product meets a deal's requirements: counts per fit and priority, the share met
 * natively or by configuration (of all, and of those assessed), must-have gaps, and how many no
 * solution design answers yet.
 *
 * @example fitSummary([{ fit: 'native', priority: 'must', hasDesign: true }]).coveredPercent // 100
 */
export function fitSummary(rows: readonly { fit: RequirementFit; priority: RequirementPriority; hasDesign: boolean }[]): FitSummary {
  const byFit = Object.fromEntries(REQUIREMENT_FITS.map((f) => [f, 0])) as Record<RequirementFit, number>;
  const byPriority = Object.fromEntries(REQUIREMENT_PRIORITIES.map((p) => [p, 0])) as Record<RequirementPriority, number>;
  let mustGaps = 0;
  let withoutDesign = 0;
  for (const r of rows) {
    byFit[r.fit] += 1;
    byPriority[r.priority] += 1;
    if (r.fit === 'gap' && r.priority === 'must') mustGaps += 1;
    if (!r.hasDesign) withoutDesign += 1;
  }
  const covered = byFit.native + byFit.configuration;
  const assessed = rows.length - byFit.unassessed;
  return {
    total: rows.length,
    byFit,
    byPriority,
    mustGaps,
    assessed,
    coveredPercent: percent(covered, rows.length),
    coveredOfAssessedPercent: percent(covered, assessed),
    withoutDesign,
  };
}
