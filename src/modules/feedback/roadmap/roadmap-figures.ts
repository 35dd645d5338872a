/** Releases in version order ("4.10" after "4.9"), the unscheduled (null) last. */
export function compareReleases(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}
