/**
 * Calendar days of the timesheet, in the member's time zone: an entry belongs to the day it started
 * on where the member works, so a 23:30 ticket in Berlin is not Tuesday's in UTC. Pure, no I/O.
 */

const DAY_MS = 86_400_000;

/** The date (YYYY-MM-DD) an instant falls on in a time zone. */
export function zonedDate(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Noon of a date in a time zone, as an ISO instant: where an entry given only its date starts, far
 * from both midnights so it stays on that date whatever the zone's offset or daylight saving.
 */
export function zonedNoon(date: string, timeZone: string): string {
  const guess = new Date(`${date}T12:00:00Z`);
  return new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000).toISOString();
}

/** A date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of a date's week (ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The seven dates of the week starting on a Monday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * UTC bounds wide enough to hold every instant that falls on the dates [first, last] in any zone
 * (offsets reach ±14 h); callers keep the entries whose zoned date is in range.
 */
export function utcWindow(first: string, last: string): { from: string; to: string } {
  return { from: `${addDays(first, -1)}T00:00:00.000Z`, to: `${addDays(last, 2)}T00:00:00.000Z` };
}

/** Whole days between two dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
