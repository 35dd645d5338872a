import dayjs from 'dayjs';
import type { EngagementProgress } from './api';

export interface BurnChartPoint {
  label: string;
  remainingHours: number | null;
  idealRemainingHours: number;
}

/**
 * The server's burn-down runs from the start to today; the chart carries the ideal line on to the
 * target go-live, so a young engagement shows where its hours should go (the same straight line:
 * the whole budget at the start, nothing left at the target).
 */
export function burnSeries(progress: Pick<EngagementProgress, 'burnDown' | 'budgetHours' | 'schedule'>, maxPoints = 90): BurnChartPoint[] {
  const points: BurnChartPoint[] = progress.burnDown.map((p) => ({
    label: p.date,
    remainingHours: p.remainingHours,
    idealRemainingHours: p.idealRemainingHours,
  }));
  const { startDate, targetGoLiveDate } = progress.schedule;
  const last = progress.burnDown.at(-1)?.date ?? startDate;
  if (targetGoLiveDate && targetGoLiveDate > last) {
    const span = dayjs(targetGoLiveDate).diff(dayjs(startDate), 'day');
    const remainingDays = dayjs(targetGoLiveDate).diff(dayjs(last), 'day');
    const step = Math.max(1, Math.ceil(remainingDays / Math.max(1, maxPoints - points.length)));
    for (let d = step; d <= remainingDays; d += step) {
      const day = dayjs(last).add(d, 'day');
      const elapsed = day.diff(dayjs(startDate), 'day');
      points.push({
        label: day.format('YYYY-MM-DD'),
        remainingHours: null,
        idealRemainingHours: span > 0 ? Math.max(0, Math.round(progress.budgetHours * (1 - elapsed / span) * 100) / 100) : 0,
      });
    }
    if (points.at(-1)?.label !== targetGoLiveDate) points.push({ label: targetGoLiveDate, remainingHours: null, idealRemainingHours: 0 });
  }
  return points.map((p) => ({ ...p, label: dayjs(p.label).format('D MMM') }));
}
