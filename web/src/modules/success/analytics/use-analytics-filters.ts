import { useUrlFilters } from '../../../ui/use-url-filters';
import type { SupportFilters } from './api';

const FILTER_KEYS = ['period', 'tier', 'segment', 'group'] as const;
export type AnalyticsFilterKey = (typeof FILTER_KEYS)[number];

export const PERIODS = [
  { value: '30d', label: 'Last 30 days' },
  { value: '3m', label: 'Last 3 months' },
  { value: '6m', label: 'Last 6 months' },
  { value: '12m', label: 'Last 12 months' },
] as const;
export const DEFAULT_PERIOD = '6m';

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The UTC days a preset covers: the last 30 days, or this month and the months before it. */
export function periodDays(preset: string, now = new Date()): { from: string; to: string } {
  const to = dayOf(now);
  if (preset === '30d') return { from: dayOf(new Date(now.getTime() - 29 * 86_400_000)), to };
  const months = preset === '3m' ? 3 : preset === '12m' ? 12 : 6;
  return { from: dayOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1))), to };
}

/** The analytics filters live in the query string, so a view can be bookmarked and shared. */
export function useAnalyticsFilters() {
  const filters = useUrlFilters(FILTER_KEYS);
  const period = filters.values.period ?? DEFAULT_PERIOD;
  const query: SupportFilters = {
    ...periodDays(period),
    tier: filters.values.tier,
    segment: filters.values.segment,
    groupId: filters.values.group,
  };
  return { ...filters, period, query };
}
