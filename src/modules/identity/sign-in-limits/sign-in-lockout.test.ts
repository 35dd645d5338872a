import { describe, expect, it } from 'vitest';
import { lockedUntil, lockMinutesAfter } from './sign-in-lockout.js';

describe('sign-in lockout', () => {
  it('lets four wrong passwords pass without a lock', () => {
    expect([1, 2, 3, 4].map(lockMinutesAfter)).toEqual([0, 0, 0, 0]);
  });

  it('doubles the lock from the fifth failure on, up to an hour', () => {
    expect([5, 6, 7, 8, 11, 12, 30].map(lockMinutesAfter)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it('dates the lock from the failure', () => {
    expect(lockedUntil(6, new Date('2026-11-25T10:00:00Z'))).toBe('2026-11-25T10:02:00.000Z');
    expect(lockedUntil(2, new Date('2026-11-25T10:00:00Z'))).toBeNull();
  });
});
