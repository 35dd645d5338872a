const FALLBACK = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
];

/** Every IANA zone the browser knows (the server validates with the same Intl database). */
export const TIME_ZONES: string[] = (() => {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return FALLBACK;
  }
})();

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `[1,2,3,4,5]` → `Mon–Fri`; anything not a single run is listed. */
export function describeDays(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 'No days';
  const contiguous = sorted.length > 2 && last - first === sorted.length - 1;
  return contiguous ? `${WEEKDAYS[first]}–${WEEKDAYS[last]}` : sorted.map((d) => WEEKDAYS[d]).join(' ');
}
