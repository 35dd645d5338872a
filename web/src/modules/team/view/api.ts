import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  MemberTime,
  TimeSummary,
  timeSummaryQuery,
  TimeTrend,
  timeTrendQuery,
} from '../../../../../src/modules/team/contract/team-view';

// Shapes of the team view API: src/modules/team/contract/team-view.ts.
export type { MemberTime, TimeSummary, TimeTrend };
export type TimeSummaryParams = QueryParams<typeof timeSummaryQuery>;
export type TimeTrendParams = QueryParams<typeof timeTrendQuery>;

export const teamViewKeys = {
  summary: (params: TimeSummaryParams) => ['team-view', 'summary', params] as const,
  trend: (params: TimeTrendParams) => ['team-view', 'trend', params] as const,
};

export function useTimeSummary(params: TimeSummaryParams) {
  return useQuery({
    queryKey: teamViewKeys.summary(params),
    queryFn: () => api.get<TimeSummary>('/api/team/time-summary', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useTimeTrend(params: TimeTrendParams) {
  return useQuery({
    queryKey: teamViewKeys.trend(params),
    queryFn: () => api.get<TimeTrend>('/api/team/time-trend', { ...params }),
    placeholderData: keepPreviousData,
  });
}
