/**
 * The renewals board's window: a first calendar quarter and how many quarters from it. Kept in the
 * URL as `start=2026-Q3&span=4`; the API takes the first and last renewal dates.
 */
export const QUARTER_SPANS = ['1', '2', '4', '8'] as const;
export const DEFAULT_SPAN = '4';

export interface Quarter {
  year: number;
  /** 1–4 */
  q: number;
}

export const quarterKey = ({ year, q }: Quarter) => `${year}-Q${q}`;

export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), q: Math.floor(date.getUTCMonth() / 3) + 1 };
}

export function addQuarters({ year, q }: Quarter, n: number): Quarter {
  const index = year * 4 + (q - 1) + n;
  return { year: Math.floor(index / 4), q: (index % 4) + 1 };
}

export function parseQuarter(key: string | undefined): Quarter | null {
  const m = key ? /^(\d{4})-Q([1-4])$/.exec(key) : null;
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

/** The first and last day (YYYY-MM-DD) of `span` quarters starting at `start`. */
export function windowDates(start: Quarter, span: number): { from: string; to: string } {
  const end = addQuarters(start, span);
  const from = new Date(Date.UTC(start.year, (start.q - 1) * 3, 1));
  const lastDay = new Date(Date.UTC(end.year, (end.q - 1) * 3, 1) - 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: lastDay.toISOString().slice(0, 10) };
}

/** Quarters to offer as the first one: the four before this one to the eight after it. */
export function quarterChoices(today = new Date()): { value: string; label: string }[] {
  const now = quarterOf(today);
  return Array.from({ length: 13 }, (_, i) => {
    const quarter = addQuarters(now, i - 4);
    const key = quarterKey(quarter);
    return { value: key, label: i === 4 ? `${key} (this quarter)` : key };
  });
}
