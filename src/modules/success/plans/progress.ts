/**
 * How far a success plan has come (issue 15): an objective with numbers is (current − baseline) ÷
 * (target − baseline), clamped to 0–100; a plan is its achieved objectives over all of them.
 */

export function objectiveProgress(o: { baseline: number | null; target: number | null; current: number | null }): number | null {
  if (o.baseline === null || o.target === null || o.current === null) return null;
  const span = Number(o.target) - Number(o.baseline);
  if (span === 0) return null;
  const pct = ((Number(o.current) - Number(o.baseline)) / span) * 100;
  return Math.round(Math.min(100, Math.max(0, pct)));
}

/** Achieved objectives as a percentage of all of them; null for a plan without objectives. */
export function planProgressOf(objectives: readonly { status: string }[]): number | null {
  if (!objectives.length) return null;
  return Math.round((objectives.filter((o) => o.status === 'achieved').length / objectives.length) * 100);
}
