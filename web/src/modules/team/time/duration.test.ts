import { describe, expect, it } from 'vitest';
import { formatDuration, formatTotal, parseDuration } from './duration';

describe('timesheet durations', () => {
  it('reads the ways people type time', () => {
    expect(['1:30', '1.5', '1,5', '90m', '90min', '1h30', '1h30m', '2h', '2', ' 0:45 ', '.25', ''].map(parseDuration)).toEqual([
      90, 90, 90, 90, 90, 90, 90, 120, 120, 45, 15, 0,
    ]);
  });

  it('refuses what is not a duration', () => {
    expect(['abc', '1:75', '-1', '1:3', '1..5', '5 hours'].map(parseDuration)).toEqual([null, null, null, null, null, null]);
  });

  it('writes hours and minutes', () => {
    expect([0, 5, 60, 90, 600].map(formatDuration)).toEqual(['', '0:05', '1:00', '1:30', '10:00']);
    expect(formatTotal(0)).toBe('0:00');
  });
});
