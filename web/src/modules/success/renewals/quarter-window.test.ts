import { describe, expect, it } from 'vitest';
import { addQuarters, parseQuarter, quarterChoices, quarterOf, windowDates } from './quarter-window';

describe('renewals board quarter window', () => {
  it('spans whole calendar quarters across a year end', () => {
    expect(windowDates({ year: 2026, q: 4 }, 1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(windowDates({ year: 2026, q: 3 }, 4)).toEqual({ from: '2026-07-01', to: '2027-06-30' });
    expect(windowDates({ year: 2027, q: 1 }, 2)).toEqual({ from: '2027-01-01', to: '2027-06-30' });
  });

  it('moves by quarters and reads keys back', () => {
    expect(addQuarters({ year: 2026, q: 4 }, 1)).toEqual({ year: 2027, q: 1 });
    expect(addQuarters({ year: 2026, q: 1 }, -1)).toEqual({ year: 2025, q: 4 });
    expect(quarterOf(new Date('2026-12-03T00:00:00Z'))).toEqual({ year: 2026, q: 4 });
    expect(parseQuarter('2027-Q2')).toEqual({ year: 2027, q: 2 });
    expect(parseQuarter('2027-Q5')).toBeNull();
    expect(parseQuarter(undefined)).toBeNull();
  });

  it('offers the four quarters before this one to the eight after it', () => {
    const choices = quarterChoices(new Date('2026-12-03T00:00:00Z'));
    expect(choices).toHaveLength(13);
    expect(choices[0]!.value).toBe('2025-Q4');
    expect(choices[4]).toEqual({ value: '2026-Q4', label: '2026-Q4 (this quarter)' });
    expect(choices[12]!.value).toBe('2028-Q4');
  });
});
