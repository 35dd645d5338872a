import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { EngagementProgress } from './api';
import { burnSeries } from './burn-series';

type Progress = Pick<EngagementProgress, 'burnDown' | 'budgetHours' | 'schedule'>;

/** What the server sends: one point a day from the start to `today`, the ideal line falling to zero on the target. */
function progress(
  budgetHours: number,
  startDate: string,
  targetGoLiveDate: string | null,
  today: string,
  remaining: number[] = [],
): Progress {
  const span = targetGoLiveDate ? dayjs(targetGoLiveDate).diff(startDate, 'day') : 0;
  const burnDown = [];
  for (let d = dayjs(startDate), i = 0; !d.isAfter(today); d = d.add(1, 'day'), i++) {
    const elapsed = d.diff(startDate, 'day');
    const ideal = span > 0 ? Math.max(0, budgetHours * (1 - elapsed / span)) : budgetHours;
    burnDown.push({
      date: d.format('YYYY-MM-DD'),
      remainingHours: remaining[i] ?? budgetHours,
      idealRemainingHours: Math.round(ideal * 100) / 100,
    });
  }
  return {
    budgetHours,
    burnDown,
    schedule: { startDate, targetGoLiveDate, projectedGoLiveDate: null, actualGoLiveDate: null, slipDays: null },
  };
}

describe('burnSeries (budget burn-down chart)', () => {
  it('carries the ideal line on from today to nothing left on the target go-live', () => {
    const points = burnSeries(progress(100, '2026-11-02', '2026-11-12', '2026-11-04', [100, 96, 91]));
    expect(points).toEqual([
      { label: '2 Nov', remainingHours: 100, idealRemainingHours: 100 },
      { label: '3 Nov', remainingHours: 96, idealRemainingHours: 90 },
      { label: '4 Nov', remainingHours: 91, idealRemainingHours: 80 },
      { label: '5 Nov', remainingHours: null, idealRemainingHours: 70 },
      { label: '6 Nov', remainingHours: null, idealRemainingHours: 60 },
      { label: '7 Nov', remainingHours: null, idealRemainingHours: 50 },
      { label: '8 Nov', remainingHours: null, idealRemainingHours: 40 },
      { label: '9 Nov', remainingHours: null, idealRemainingHours: 30 },
      { label: '10 Nov', remainingHours: null, idealRemainingHours: 20 },
      { label: '11 Nov', remainingHours: null, idealRemainingHours: 10 },
      { label: '12 Nov', remainingHours: null, idealRemainingHours: 0 },
    ]);
  });

  it('shows only what happened when there is no target, or the target has passed', () => {
    expect(burnSeries(progress(40, '2026-11-02', null, '2026-11-04'))).toHaveLength(3);
    const late = burnSeries(progress(40, '2026-11-02', '2026-11-03', '2026-11-05'));
    expect(late.map((p) => p.label)).toEqual(['2 Nov', '3 Nov', '4 Nov', '5 Nov']);
    expect(late.every((p) => p.remainingHours !== null)).toBe(true);
    expect(late.map((p) => p.idealRemainingHours)).toEqual([40, 0, 0, 0]);
  });

  it('on the first day of a long engagement, thins the future line but keeps it straight and ends it on the target', () => {
    const budget = 365;
    const points = burnSeries(progress(budget, '2026-01-01', '2027-01-01', '2026-01-01'), 90);
    expect(points.length).toBeLessThanOrEqual(91);
    expect(points[0]).toEqual({ label: '1 Jan', remainingHours: budget, idealRemainingHours: budget });
    expect(points.at(-1)).toEqual({ label: '1 Jan', remainingHours: null, idealRemainingHours: 0 });
    // One hour a day over 365 days: evenly spaced points on the same straight line.
    const future = points.slice(1, -1).map((p) => p.idealRemainingHours);
    const step = budget - future[0]!;
    expect(step).toBeGreaterThan(1);
    future.forEach((ideal, i) => expect(ideal).toBeCloseTo(budget - step * (i + 1), 5));
    const ideals = points.map((p) => p.idealRemainingHours);
    expect(ideals).toEqual([...ideals].sort((a, b) => b - a));
  });

  it('does not add a point after the target when the steps land on it', () => {
    const points = burnSeries(progress(10, '2026-11-02', '2026-11-04', '2026-11-02'));
    expect(points.map((p) => [p.label, p.idealRemainingHours])).toEqual([
      ['2 Nov', 10],
      ['3 Nov', 5],
      ['4 Nov', 0],
    ]);
  });
});
