/**
 * Lockout with back-off after repeated failed sign-ins: from the fifth failure in a row the member
 * is locked for 1, 2, 4 … minutes (at most an hour), whatever the password tried meanwhile.
 */
export const FAILURES_BEFORE_LOCK = 5;
const MAX_LOCK_MINUTES = 60;

export function lockMinutesAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(2 ** (failures - FAILURES_BEFORE_LOCK), MAX_LOCK_MINUTES);
}

/** The lock's end after `failures` consecutive failures at `now`, or null when not locked. */
export function lockedUntil(failures: number, now: Date): string | null {
  const minutes = lockMinutesAfter(failures);
  return minutes ? new Date(now.getTime() + minutes * 60_000).toISOString() : null;
}
