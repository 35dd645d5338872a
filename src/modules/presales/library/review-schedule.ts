/**
 * When a library entry falls due for review, and whether it is stale. Pure functions: the service
 * stores `review_due_at`, the list and the auto-fill compute staleness from it at read time.
 */

/** Entries are reviewed twice a year unless their owner says otherwise. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 180;

/** The review queue also shows entries falling due within this many days. */
export const REVIEW_DUE_SOON_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant an entry falls due: its last review (or, never reviewed, its approval or creation)
 * plus the interval in whole days.
 *
 * @example reviewDueAt('2025-01-01T00:00:00.000Z', 180) // '2025-06-30T00:00:00.000Z'
 */
export function reviewDueAt(since: string, intervalDays: number): string {
  return new Date(Date.parse(since) + intervalDays * DAY_MS).toISOString();
}

/** An approved entry whose review date has passed: flagged, queued for its owner, never auto-approved. */
export function isStale(entry: { status: string; reviewDueAt: string }, now: Date): boolean {
  return entry.status === 'approved' && Date.parse(entry.reviewDueAt) < now.getTime();
}

/** The end of the "due soon" window that starts at `now`. */
export function dueSoonUntil(now: Date): string {
  return new Date(now.getTime() + REVIEW_DUE_SOON_DAYS * DAY_MS).toISOString();
}
