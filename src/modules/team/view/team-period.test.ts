import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.js';
import { capacityMinutes, quartersUpTo, teamViewPeriod, workingDaysIn } from './team-period.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('the team view’s period', () => {
  const now = new Date('2026-12-04T17:00:00Z');

  it('defaults to the last 90 days up to today, both counted', () => {
    expect(teamViewPeriod({}, now)).toEqual({ from: '2026-09-06', to: '2026-12-04' });
    expect(teamViewPeriod({ to: '2026-03-31' }, now)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(teamViewPeriod({ from: '2026-11-01' }, now)).toEqual({ from: '2026-11-01', to: '2026-12-04' });
  });

  it('accepts one day and a whole leap year, and refuses a reversed or longer period', () => {
    expect(teamViewPeriod({ from: '2026-05-05', to: '2026-05-05' }, now)).toEqual({ from: '2026-05-05', to: '2026-05-05' });
    expect(teamViewPeriod({ from: '2024-01-01', to: '2024-12-31' }, now).from).toBe('2024-01-01');
    const code = (q: { from?: string; to?: string }) => {
      try {
        teamViewPeriod(q, now);
        return null;
      } catch (error) {
        return error instanceof AppError ? `${error.statusCode} ${error.code}` : String(error);
      }
    };
    expect(code({ from: '2026-05-06', to: '2026-05-05' })).toBe('400 team_view.period_reversed');
    expect(code({ from: '2027-01-01' })).toBe('400 team_view.period_reversed');
    expect(code({ from: '2024-01-01', to: '2025-01-01' })).toBe('400 team_view.period_too_long');
    expect(code({ from: '2025-01-01' })).toBe('400 team_view.period_too_long');
  });
});

describe('working days and capacity', () => {
  it('counts the working weekdays a period holds', () => {
    // 2026-01-05 is a Monday: four whole weeks, then a Monday and a Saturday.
    expect(workingDaysIn('2026-01-05', '2026-02-01', WEEKDAYS)).toBe(20);
    expect(workingDaysIn('2026-01-05', '2026-02-02', WEEKDAYS)).toBe(21);
    expect(workingDaysIn('2026-01-10', '2026-01-11', WEEKDAYS)).toBe(0);
    expect(workingDaysIn('2026-01-10', '2026-01-11', [0, 6])).toBe(2);
    expect(workingDaysIn('2026-01-07', '2026-01-07', WEEKDAYS)).toBe(1);
  });

  it('pro-rates the weekly capacity to the working days in the period', () => {
    // Four weeks of 40 hours.
    expect(capacityMinutes(40, WEEKDAYS, '2026-01-05', '2026-02-01')).toBe(4 * 40 * 60);
    // One week and two days: 7 working days of 8 hours.
    expect(capacityMinutes(40, WEEKDAYS, '2026-01-05', '2026-01-13')).toBe(7 * 8 * 60);
    // 32 hours over a four-day week: 8 hours a working day; a Friday is not one.
    expect(capacityMinutes(32, [1, 2, 3, 4], '2026-01-09', '2026-01-09')).toBe(0);
    expect(capacityMinutes(32, [1, 2, 3, 4], '2026-01-05', '2026-01-09')).toBe(32 * 60);
    expect(capacityMinutes(0, WEEKDAYS, '2026-01-05', '2026-02-01')).toBe(0);
  });
});

describe('calendar quarters', () => {
  it('lists the quarters up to the current one, oldest first, across a year boundary', () => {
    expect(quartersUpTo(new Date('2026-02-10T00:00:00Z'), 3)).toEqual([
      { quarter: '2025-Q3', from: '2025-07-01', to: '2025-09-30' },
      { quarter: '2025-Q4', from: '2025-10-01', to: '2025-12-31' },
      { quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
    ]);
    expect(quartersUpTo(new Date('2024-05-31T23:59:59Z'), 1)).toEqual([{ quarter: '2024-Q2', from: '2024-04-01', to: '2024-06-30' }]);
  });
});
