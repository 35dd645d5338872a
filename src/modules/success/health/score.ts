import type { HealthGrade, HealthMetric } from '../contract/kinds.js';
import type { HealthMeasure } from '../contract/health.js';

/**
 * The health score (DESIGN §3 "Health"), a pure function: each measure maps its metric to 0–100
 * by its thresholds; the score is the weighted mean of the measures that have data; the grade
 * comes from the model's cut-offs; an override replaces the grade (never the computed score) until
 * it expires.
 */

export interface ScoringModel {
  measures: readonly HealthMeasure[];
  greenMin: number;
  yellowMin: number;
}

export interface ScoredMeasure {
  metric: HealthMetric;
  value: number | null;
  score: number | null;
  weight: number;
  /** Points of the overall score this measure cost: weight share × (100 − its score). Σ = 100 − score. */
  pointsLost: number;
}

export interface ActiveOverride {
  grade: HealthGrade;
  expiresAt: string;
}

export interface HealthResult {
  score: number | null;
  grade: HealthGrade | null;
  computedScore: number | null;
  computedGrade: HealthGrade | null;
  overridden: boolean;
  /** Measures with data, the one that cost most points first. */
  drivers: ScoredMeasure[];
  /** Measures of the model without data. */
  missing: HealthMetric[];
}

/** `good` or better → 100, `bad` or worse → 0, linear between; works whichever way is better. */
export function measureScore(value: number, measure: Pick<HealthMeasure, 'good' | 'bad'>): number {
  const fraction = (value - measure.bad) / (measure.good - measure.bad);
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

export function gradeOf(score: number, model: Pick<ScoringModel, 'greenMin' | 'yellowMin'>): HealthGrade {
  if (score >= model.greenMin) return 'green';
  if (score >= model.yellowMin) return 'yellow';
  return 'red';
}

/** An override counts until the instant it expires. */
export function overrideActive(override: ActiveOverride | null | undefined, now: Date): override is ActiveOverride {
  return !!override && Date.parse(override.expiresAt) > now.getTime();
}

export function scoreHealth(
  model: ScoringModel,
  values: Partial<Record<HealthMetric, number | null>>,
  override: ActiveOverride | null,
  now: Date,
): HealthResult {
  const withData = model.measures.filter((m) => m.weight > 0 && values[m.metric] != null && Number.isFinite(values[m.metric]));
  const missing = model.measures.filter((m) => !withData.includes(m)).map((m) => m.metric);
  const totalWeight = withData.reduce((sum, m) => sum + m.weight, 0);
  const scored = withData.map((m) => {
    const value = values[m.metric]!;
    const score = measureScore(value, m);
    return { metric: m.metric, value, score, weight: m.weight, pointsLost: (m.weight / totalWeight) * (100 - score) };
  });
  const computedScore = totalWeight > 0 ? Math.round(scored.reduce((sum, m) => sum + (m.weight / totalWeight) * m.score, 0)) : null;
  const computedGrade = computedScore === null ? null : gradeOf(computedScore, model);
  const overridden = overrideActive(override, now);
  const drivers = scored
    .map((m) => ({ ...m, pointsLost: Math.round(m.pointsLost * 10) / 10 }))
    .sort((a, b) => b.pointsLost - a.pointsLost || a.metric.localeCompare(b.metric));
  return {
    score: computedScore,
    grade: overridden ? override!.grade : computedGrade,
    computedScore,
    computedGrade,
    overridden,
    drivers,
    missing,
  };
}
