import { HEALTH_GRADES, HEALTH_METRICS, type HealthGrade, type HealthMetric } from '../../../../src/modules/success/contract/kinds';
import { HEALTH_SCOPES } from '../../../../src/modules/success/contract/health';
import { SEGMENT_LABELS } from '../accounts/labels';

/** Display names for the success module's enums; the values come from the server's contract (kinds.ts). */

export { HEALTH_GRADES, HEALTH_METRICS, HEALTH_SCOPES, type HealthGrade, type HealthMetric };

export const GRADE_LABELS: Record<HealthGrade, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/** Badge and text colours (Mantine colour names); the badge always says the grade in words too. */
export const GRADE_COLORS: Record<HealthGrade, string> = { green: 'teal', yellow: 'yellow', red: 'red' };

/** Chart colours (theme shades) for the grade series and accounts without a score. */
export const GRADE_CHART_COLORS: Record<HealthGrade | 'none', string> = {
  green: 'teal.6',
  yellow: 'yellow.5',
  red: 'red.6',
  none: 'gray.4',
};

export const METRIC_LABELS: Record<HealthMetric, string> = {
  open_tickets: 'Open tickets',
  sla_breaches_30d: 'SLA breaches (30 days)',
  csat_average: 'CSAT average (90 days)',
  days_since_interaction: 'Days since last interaction',
  feature_adoption: 'Feature adoption',
  active_user_trend: 'Active-user trend',
  seat_utilisation: 'Seat utilisation',
  versions_behind: 'Versions behind',
  schedule_slip_days: 'Engagement schedule slip',
  open_blocker_feedback: 'Open blocker feedback',
  training_attendance: 'Training attendance (180 days)',
};

/** The unit a metric's value and thresholds are in, shown beside the good/bad inputs. */
export const METRIC_UNITS: Record<HealthMetric, string> = {
  open_tickets: 'tickets',
  sla_breaches_30d: 'breaches',
  csat_average: 'rating 1–5',
  days_since_interaction: 'days',
  feature_adoption: '% of licensed features',
  active_user_trend: '% change',
  seat_utilisation: '% of seats',
  versions_behind: 'releases',
  schedule_slip_days: 'days late',
  open_blocker_feedback: 'requests',
  training_attendance: '% attended',
};

/** Where a new measure starts when an admin adds it to a model: sensible thresholds to adjust. */
export const METRIC_DEFAULTS: Record<HealthMetric, { weight: number; good: number; bad: number }> = {
  open_tickets: { weight: 10, good: 0, bad: 15 },
  sla_breaches_30d: { weight: 20, good: 0, bad: 5 },
  csat_average: { weight: 15, good: 4.5, bad: 3 },
  days_since_interaction: { weight: 15, good: 14, bad: 60 },
  feature_adoption: { weight: 15, good: 80, bad: 20 },
  active_user_trend: { weight: 10, good: 0, bad: -30 },
  seat_utilisation: { weight: 10, good: 80, bad: 20 },
  versions_behind: { weight: 10, good: 0, bad: 4 },
  schedule_slip_days: { weight: 10, good: 0, bad: 30 },
  open_blocker_feedback: { weight: 10, good: 0, bad: 3 },
  training_attendance: { weight: 5, good: 80, bad: 20 },
};

export type HealthScope = (typeof HEALTH_SCOPES)[number];
export const SCOPE_LABELS: Record<HealthScope, string> = { default: 'Default', ...SEGMENT_LABELS };

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
