/**
 * The adoption arithmetic (issue 15), with no I/O: the windows, active users, seat utilisation,
 * feature adoption and the active-user trend from figures the repository has already grouped.
 * Every percentage is on a 0–100 scale, rounded to one decimal; null when there is nothing to
 * divide by, so the health model leaves the measure out instead of scoring a zero.
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as the tables store it (`YYYY-MM-DD`). */
export function utcDay(at: Date | string): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative for earlier). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The two 30-day windows adoption compares: `current` is today and the 29 days before; `previous`
 * the 30 days before that. Days are inclusive bounds. Events may be up to a day in the future
 * (clock skew), so the current window has no upper bound.
 */
export function adoptionWindows(now: Date): { current: { from: string }; previous: { from: string; to: string } } {
  const today = utcDay(now);
  return { current: { from: shiftDay(today, -29) }, previous: { from: shiftDay(today, -59), to: shiftDay(today, -30) } };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** `part` of `whole` in %, or null when `whole` is zero or unknown. */
export function percent(part: number, whole: number | null | undefined): number | null {
  return whole ? round1((part / whole) * 100) : null;
}

/**
 * Active users in a window. When the product names its users, the distinct users over the whole
 * window are the truth (a person active on 20 days counts once); when it only reports a count per
 * day, the largest daily count is the best lower bound we have (daily counts cannot be summed
 * without counting the same people again). When it does both, the larger figure wins, as it does
 * for a single day (usage_account_days.active_users).
 */
export function activeUsersInWindow(distinctNamedUsers: number, largestReportedCount: number): number {
  return Math.max(distinctNamedUsers, largestReportedCount);
}

/**
 * The change of active users, current window against the previous one, in %. Null when the
 * previous window has no active users: without a baseline there is no percentage to give (a new
 * customer's first month is not an "infinite" rise), and null too when neither window has data.
 */
export function activeUserTrend(current: number, previous: number): number | null {
  return previous > 0 ? round1(((current - previous) / previous) * 100) : null;
}

/**
 * Seats in use in %. Not capped at 100: more active users than seats is an expansion signal the
 * account team should see, and the health model's thresholds clamp the score anyway.
 */
export function seatUtilisation(activeUsers: number, seats: number | null): number | null {
  return percent(activeUsers, seats);
}

/** Licensed features used in the current window ÷ licensed features, and the ones left unused. */
export function featureAdoption(
  licensed: readonly string[],
  usedInWindow: ReadonlySet<string>,
): { featureAdoption: number | null; unusedFeatures: string[] } {
  const unusedFeatures = licensed.filter((f) => !usedInWindow.has(f)).sort();
  return { featureAdoption: percent(licensed.length - unusedFeatures.length, licensed.length), unusedFeatures };
}
