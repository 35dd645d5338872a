import type { HealthGrade } from '../contract/kinds.js';

export type RenewalRisk = 'low' | 'medium' | 'high';

const DAY_MS = 86_400_000;

/** Whole days from `now`'s date to a YYYY-MM-DD date (negative when past). */
export function daysUntil(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
}

/**
 * A renewal's risk and its reasons in words (issue 15). High: health red, forecast at risk, or two
 * or more open blocker feedback items. Medium: health yellow, one blocker, or forecast "likely"
 * with the renewal within 30 days. Otherwise low.
 */
export function assessRenewalRisk(f: {
  grade: HealthGrade | null;
  forecast: 'commit' | 'likely' | 'at_risk' | null;
  blockers: number;
  renewalDate: string | null;
  now: Date;
}): { risk: RenewalRisk; reasons: string[] } {
  const high: string[] = [];
  const medium: string[] = [];
  if (f.grade === 'red') high.push('Health is red');
  if (f.forecast === 'at_risk') high.push('Forecast is at risk');
  if (f.blockers >= 2) high.push(`${f.blockers} open blocker feedback items`);
  if (f.grade === 'yellow') medium.push('Health is yellow');
  if (f.blockers === 1) medium.push('1 open blocker feedback item');
  if (f.forecast === 'likely' && f.renewalDate !== null && daysUntil(f.renewalDate, f.now) <= 30) {
    const days = daysUntil(f.renewalDate, f.now);
    medium.push(
      days < 0 ? 'Forecast only likely, and the renewal date has passed' : `Forecast only likely with the renewal in ${days} days`,
    );
  }
  if (high.length) return { risk: 'high', reasons: [...high, ...medium] };
  if (medium.length) return { risk: 'medium', reasons: medium };
  return { risk: 'low', reasons: [] };
}
