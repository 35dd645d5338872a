/**
 * How the timesheet reads and writes a duration. People type `1:30`, `1.5`, `1,5`, `90m`, `1h30`
 * or `2h`; a bare number is hours (a timesheet's unit). Pure, no DOM.
 */

/** Minutes, 0 for an empty cell, or null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, '');
  if (value === '') return 0;
  let match = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  match = /^(\d+)m(in)?$/.exec(value);
  if (match) return Number(match[1]);
  match = /^(\d{1,2})h(?:(\d{1,2})m?)?$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2] ?? 0);
  match = /^(\d{1,2}(?:[.,]\d+)?)h?$/.exec(value) ?? /^([.,]\d+)h?$/.exec(value);
  if (match) return Math.round(Number(match[1]!.replace(',', '.')) * 60);
  return null;
}

/** `1:30` for 90 minutes; empty for none. */
export function formatDuration(minutes: number): string {
  if (!minutes) return '';
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `1:30` for 90 minutes, `0:00` for none (totals always show a figure). */
export function formatTotal(minutes: number): string {
  return formatDuration(minutes) || '0:00';
}
