import type { MemberTime } from './api';

export type TimeCategory = keyof MemberTime['minutesByCategory'];

/** The five categories in the order the bars stack them: hands-on work first, the rest after. */
export const CATEGORY_ORDER: TimeCategory[] = ['engineering', 'customer', 'routine', 'management', 'internal'];

export const CATEGORY_LABELS: Record<TimeCategory, string> = {
  engineering: 'Engineering',
  customer: 'Customer',
  routine: 'Routine',
  management: 'Management',
  internal: 'Internal',
};

export const CATEGORY_COLORS: Record<TimeCategory, string> = {
  engineering: 'indigo.6',
  customer: 'teal.6',
  routine: 'gray.5',
  management: 'orange.6',
  internal: 'grape.4',
};

/** Minutes as hours, one decimal where it matters: 90 → "1.5 h". */
export function hours(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) || h >= 100 ? Math.round(h) : h.toFixed(1)} h`;
}

/** A fraction as a whole percentage, or a dash when there is none. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}
