/** Dates of the timesheet's week, as YYYY-MM-DD strings (weeks start on Monday). Pure, no DOM. */

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Today in the browser's own time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "Mon 2" for a date: the weekday and the day of the month. */
export function dayLabel(date: string): { weekday: string; day: number } {
  const d = new Date(`${date}T00:00:00Z`);
  return { weekday: d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' }), day: d.getUTCDate() };
}

/** "2 – 8 Mar 2026" for a week. */
export function weekLabel(monday: string): string {
  const sunday = addDays(monday, 6);
  const fmt = (date: string, opts: Intl.DateTimeFormatOptions) =>
    new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { ...opts, timeZone: 'UTC' });
  return `${fmt(monday, { day: 'numeric', month: 'short' })} – ${fmt(sunday, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}
