import { describe, expect, it } from 'vitest';
import { daysBetween, mondayOf, weekDays, zonedDate, zonedNoon } from './week-days.js';

describe('timesheet days', () => {
  it('puts a late-evening entry on the member’s own day, not UTC’s', () => {
    expect(zonedDate('2026-03-02T23:30:00Z', 'UTC')).toBe('2026-03-02');
    expect(zonedDate('2026-03-02T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-03');
    expect(zonedDate('2026-03-03T03:00:00Z', 'America/Los_Angeles')).toBe('2026-03-02');
  });

  it('starts a date-only entry at the member’s noon, which stays on that date', () => {
    expect(zonedNoon('2026-03-02', 'UTC')).toBe('2026-03-02T12:00:00.000Z');
    expect(zonedNoon('2026-07-01', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(zonedNoon('2026-03-02', 'Pacific/Auckland')).toBe('2026-03-01T23:00:00.000Z');
    expect(zonedDate(zonedNoon('2026-03-02', 'Pacific/Auckland'), 'Pacific/Auckland')).toBe('2026-03-02');
  });

  it('finds the Monday of any day and lists the week', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
    expect(weekDays('2026-03-02')).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(daysBetween('2026-03-02', '2026-03-09')).toBe(7);
  });
});
