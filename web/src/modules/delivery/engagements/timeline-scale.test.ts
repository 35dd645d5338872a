import { afterEach, describe, expect, it, vi } from 'vitest';
import { timelineScale } from './timeline-scale';

// 2026-11-23 is a Monday.
describe('timelineScale (the plan timeline axis)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs in whole weeks from the Monday before the first date to the Sunday after the last', () => {
    const scale = timelineScale(['2026-12-09', '2026-11-25', null, undefined, '2026-12-01']);
    expect(scale.start).toBe('2026-11-23');
    expect(scale.days).toBe(21);
    expect(scale.weeks.map((w) => w.date)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(scale.weeks.map((w) => w.offset)).toEqual([0, (7 / 21) * 100, (14 / 21) * 100]);
  });

  it('treats a Sunday as the end of its week and a Monday as the start of one', () => {
    const scale = timelineScale(['2026-11-29', '2026-11-30']);
    expect(scale.start).toBe('2026-11-23');
    expect(scale.days).toBe(14);
    const single = timelineScale(['2026-11-23']);
    expect(single.start).toBe('2026-11-23');
    expect(single.days).toBe(7);
  });

  it('places a task bar at its start day and sizes it by its days, both ends included', () => {
    const scale = timelineScale(['2026-11-23', '2026-12-06']); // 14 days
    expect(scale.offset('2026-11-23')).toBe(0);
    expect(scale.offset('2026-11-25')).toBeCloseTo((2 / 14) * 100);
    expect(scale.span('2026-11-25', '2026-11-27')).toBeCloseTo((3 / 14) * 100);
    expect(scale.span('2026-11-25', '2026-11-25')).toBeCloseTo((1 / 14) * 100);
    // A due date before the start still shows a one-day bar rather than nothing.
    expect(scale.span('2026-11-27', '2026-11-25')).toBeCloseTo((1 / 14) * 100);
    // The last day ends exactly at the right edge.
    expect(scale.offset('2026-12-06') + scale.span('2026-12-06', '2026-12-06')).toBeCloseTo(100);
  });

  it('says whether a date (such as today) falls on the axis', () => {
    const scale = timelineScale(['2026-11-25', '2026-12-02']);
    expect(scale.contains('2026-11-22')).toBe(false);
    expect(scale.contains('2026-11-23')).toBe(true);
    expect(scale.contains('2026-12-06')).toBe(true);
    expect(scale.contains('2026-12-07')).toBe(false);
  });

  it('counts calendar days across a month and year end', () => {
    const scale = timelineScale(['2026-12-30', '2027-01-04']);
    expect(scale.start).toBe('2026-12-28');
    expect(scale.days).toBe(14);
    expect(scale.offset('2027-01-01')).toBeCloseTo((4 / 14) * 100);
    expect(scale.weeks.map((w) => w.date)).toEqual(['2026-12-28', '2027-01-04']);
  });

  it('shows this week and the four after it when the plan has no dates yet', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 15, 30)); // Wednesday afternoon
    const scale = timelineScale([null, undefined]);
    expect(scale.start).toBe('2026-11-23');
    expect(scale.days).toBe(35);
    expect(scale.contains('2026-11-25')).toBe(true);
  });
});
