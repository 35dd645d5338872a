import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  AccountHealth,
  gradeDistributionQuery,
  gradeDistributionSchema,
  HealthMeasure,
  HealthModel,
  healthModelBody,
  MeasureResult,
  overrideBody,
  portfolioQuery,
  PortfolioRow,
} from '../../../../../src/modules/success/contract/health';
import type { HealthScope } from '../labels';

// Shapes of the health API: src/modules/success/contract/health.ts.
export type { AccountHealth, HealthMeasure, HealthModel, MeasureResult, PortfolioRow };
export type HealthModelInput = z.input<typeof healthModelBody>;
export type OverrideInput = z.input<typeof overrideBody>;
export type GradeDistribution = z.infer<typeof gradeDistributionSchema>;
export type PortfolioParams = Omit<QueryParams<typeof portfolioQuery>, 'cursor'>;
export type DistributionParams = QueryParams<typeof gradeDistributionQuery>;

export const healthKeys = {
  all: ['success', 'health'] as const,
  account: (id: string) => ['success', 'health', 'account', id] as const,
  portfolio: (params: PortfolioParams) => ['success', 'health', 'portfolio', params] as const,
  distribution: (params: DistributionParams) => ['success', 'health', 'distribution', params] as const,
  models: ['success', 'health', 'models'] as const,
};

/** An account's score, grade, trend and the drivers that explain it. */
export function useAccountHealth(accountId: string) {
  return useQuery({
    queryKey: healthKeys.account(accountId),
    queryFn: () => api.get<AccountHealth>(`/api/accounts/${accountId}/health`),
  });
}

/** After an override changes, the account's card, the portfolio and the distribution all move. */
function refreshAfterOverride(client: ReturnType<typeof useQueryClient>, accountId: string, health: AccountHealth) {
  client.setQueryData(healthKeys.account(accountId), health);
  return client.invalidateQueries({ queryKey: healthKeys.all, predicate: (q) => q.queryKey[2] !== 'account' });
}

export function useOverrideGrade(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OverrideInput) => api.post<AccountHealth>(`/api/accounts/${accountId}/health/override`, body),
    onSuccess: (health) => refreshAfterOverride(client, accountId, health),
  });
}

export function useRemoveOverride(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<AccountHealth>(`/api/accounts/${accountId}/health/override`),
    onSuccess: (health) => refreshAfterOverride(client, accountId, health),
  });
}

/** Every account with its health, page by page ("Load more"), in the chosen order. */
export function usePortfolio(params: PortfolioParams) {
  return useInfiniteQuery({
    queryKey: healthKeys.portfolio(params),
    queryFn: ({ pageParam }) => api.get<Page<PortfolioRow>>('/api/health/portfolio', { ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many accounts were green, yellow and red on each of the last `days` days. */
export function useGradeDistribution(params: DistributionParams) {
  return useQuery({
    queryKey: healthKeys.distribution(params),
    queryFn: () => api.get<GradeDistribution>('/api/health/distribution', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useHealthModels() {
  return useQuery({
    queryKey: healthKeys.models,
    queryFn: () => api.get<{ items: HealthModel[] }>('/api/health-models').then((r) => r.items),
  });
}

/** Saving or dropping a model rescores its accounts, so every health view is refetched. */
export function useSaveHealthModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, ...body }: HealthModelInput & { scope: HealthScope }) =>
      api.put<HealthModel>(`/api/health-models/${scope}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: healthKeys.all }),
  });
}

export function useDeleteHealthModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scope: HealthScope) => api.delete(`/api/health-models/${scope}`),
    onSuccess: () => client.invalidateQueries({ queryKey: healthKeys.all }),
  });
}
