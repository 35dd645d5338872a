import { errors } from '../../../kernel/errors.js';
import { DEFAULT_TEAM_VIEW_DAYS, MAX_TEAM_VIEW_DAYS } from '../contract/team-view.js';

/**
 * The calendar of the team view, with no I/O: its period, the working days a member's capacity is
 * pro-rated to, and calendar quarters. Days are UTC calendar days written YYYY-MM-DD.
 */

const DAY_MS = 86_400_000;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const epochDay = (day: string) => Math.round(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}

/** Days from `from` to `to`, both counted. */
export function daysIn(from: string, to: string): number {
  return epochDay(to) - epochDay(from) + 1;
}

/**
 * The period a request asks for: as given, else the last 90 days up to today (both counted). A
 * period runs forwards and spans at most a year, so a typo in a year cannot ask for decades.
 */
export function teamViewPeriod(q: { from?: string | undefined; to?: string | undefined }, now = new Date()): { from: string; to: string } {
  const to = q.to ?? dayOf(now);
  const from = q.from ?? addDays(to, -(DEFAULT_TEAM_VIEW_DAYS - 1));
  if (from > to) throw errors.teamViewPeriodReversed({ field: 'from' });
  if (daysIn(from, to) > MAX_TEAM_VIEW_DAYS) throw errors.teamViewPeriodTooLong({ field: 'from', maxDays: MAX_TEAM_VIEW_DAYS });
  return { from, to };
}

/** How many days of the period fall on the given weekdays (0 = Sunday … 6 = Saturday). */
export function workingDaysIn(from: string, to: string, weekdays: readonly number[]): number {
  const total = daysIn(from, to);
  if (total <= 0) return 0;
  const wanted = new Set(weekdays);
  const firstWeekday = new Date(`${from}T00:00:00.000Z`).getUTCDay();
  // Whole weeks hold each weekday once; the remainder is counted day by day.
  let count = Math.floor(total / 7) * wanted.size;
  for (let i = 0; i < total % 7; i++) if (wanted.has((firstWeekday + i) % 7)) count++;
  return count;
}

/**
 * A member's capacity over the period, in minutes: the weekly hours spread evenly over their
 * working days, times the working days the period holds. Holidays and leave are not known here.
 */
export function capacityMinutes(capacityHoursPerWeek: number, weekdays: readonly number[], from: string, to: string): number {
  const perWeek = new Set(weekdays).size;
  if (perWeek === 0 || capacityHoursPerWeek <= 0) return 0;
  return Math.round((capacityHoursPerWeek * 60 * workingDaysIn(from, to, weekdays)) / perWeek);
}

export interface Quarter {
  quarter: string;
  from: string;
  to: string;
}

/** The `count` calendar quarters up to and including the one `now` falls in, oldest first. */
export function quartersUpTo(now: Date, count: number): Quarter[] {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const list: Quarter[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 4 + q - i;
    const y = Math.floor(index / 4);
    const startMonth = (index % 4) * 3;
    const from = dayOf(new Date(Date.UTC(y, startMonth, 1)));
    const to = dayOf(new Date(Date.UTC(y, startMonth + 3, 0)));
    list.push({ quarter: `${y}-Q${(index % 4) + 1}`, from, to });
  }
  return list;
}
