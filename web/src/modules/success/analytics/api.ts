import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import type {
  Backlog,
  CreatedVsSolved,
  CsatTrend,
  DeliveryEngagements,
  EscalationRate,
  ResponseTimes,
  SlaAttainment,
  SupportAnalyticsQuery,
} from '../../../../../src/modules/success/contract/analytics';

// Shapes of the analytics API: src/modules/success/contract/analytics.ts.
export type { Backlog, CreatedVsSolved, CsatTrend, DeliveryEngagements, EscalationRate, ResponseTimes, SlaAttainment };

/** The filters every support chart takes, as they sit in the URL (all optional; the server fills the default period). */
export type SupportFilters = Partial<Record<keyof SupportAnalyticsQuery, string | undefined>>;

export const analyticsKeys = {
  chart: (path: string, params: object) => ['success', 'analytics', path, params] as const,
  groups: ['success', 'analytics', 'groups'] as const,
};

/** One chart's figures; the previous figures stay on screen while a changed filter loads. */
export function useChart<T>(path: string, params: object) {
  return useQuery({
    queryKey: analyticsKeys.chart(path, params),
    queryFn: () => api.get<T>(path, params as Record<string, string | undefined>),
    placeholderData: keepPreviousData,
  });
}

/** The same figures as CSV: the chart's path with `.csv` and the same filters. */
export const csvHref = (path: string, params: object) => withQuery(`${path}.csv`, params as Record<string, string | undefined>);

export function useTicketGroups() {
  return useQuery({
    queryKey: analyticsKeys.groups,
    queryFn: () => api.get<{ items: { id: string; name: string; tier: string }[] }>('/api/analytics/support/groups'),
    staleTime: 300_000,
  });
}
