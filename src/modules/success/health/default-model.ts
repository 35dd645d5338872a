import type { HealthMeasure } from '../contract/health.js';
import type { ScoringModel } from './score.js';

/**
 * The model every account is scored by until an admin saves one (for everyone, or for a segment).
 * Weights favour what a customer feels most (support pain, silence, usage); thresholds read as
 * "at `good` nothing is wrong, at `bad` the measure has nothing left to give".
 */
export const DEFAULT_MEASURES: readonly HealthMeasure[] = [
  { metric: 'open_tickets', weight: 10, good: 0, bad: 15 },
  { metric: 'sla_breaches_30d', weight: 15, good: 0, bad: 5 },
  { metric: 'csat_average', weight: 10, good: 4.5, bad: 3 },
  { metric: 'days_since_interaction', weight: 10, good: 14, bad: 60 },
  { metric: 'feature_adoption', weight: 10, good: 80, bad: 20 },
  { metric: 'active_user_trend', weight: 10, good: 0, bad: -40 },
  { metric: 'seat_utilisation', weight: 10, good: 80, bad: 20 },
  { metric: 'versions_behind', weight: 5, good: 0, bad: 4 },
  { metric: 'schedule_slip_days', weight: 10, good: 0, bad: 30 },
  { metric: 'open_blocker_feedback', weight: 5, good: 0, bad: 3 },
  { metric: 'training_attendance', weight: 5, good: 80, bad: 20 },
];

export const DEFAULT_MODEL: ScoringModel = { measures: DEFAULT_MEASURES, greenMin: 70, yellowMin: 40 };
