import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  CreateDealSupportInput,
  CreateDemoInput,
  CreateOpportunityInput,
  DealSupportRequest,
  Demo,
  EngineerLoad,
  engineerLoadListSchema,
  LogOpportunityInteractionInput,
  Opportunity,
  dealSupportQueueQuery,
  opportunityListQuery,
  Pipeline,
  pipelineQuery,
  TimelineEntry,
  UpdateDealSupportInput,
  UpdateDemoInput,
  UpdateOpportunityInput,
} from '../../../../../src/modules/presales/contract/opportunities';
import {
  DEAL_SUPPORT_KIND_LABELS,
  DEAL_SUPPORT_STATUS_LABELS,
  DEMO_OUTCOME_LABELS,
  OPPORTUNITY_SORTS,
  STAGE_LABELS,
  TECHNICAL_WIN_LABELS,
} from '../../../../../src/modules/presales/contract/opportunities';
import {
  DEAL_SUPPORT_KINDS,
  DEAL_SUPPORT_STATUSES,
  DEMO_OUTCOMES,
  OPPORTUNITY_STAGES,
  TECHNICAL_WIN_STATUSES,
} from '../../../../../src/modules/presales/contract/kinds';

// Shapes of the opportunities API: src/modules/presales/contract/opportunities.ts.
export type {
  CreateDealSupportInput,
  CreateDemoInput,
  CreateOpportunityInput,
  DealSupportRequest,
  Demo,
  EngineerLoad,
  LogOpportunityInteractionInput,
  Opportunity,
  Pipeline,
  TimelineEntry,
  UpdateDealSupportInput,
  UpdateDemoInput,
  UpdateOpportunityInput,
};
export type OpportunityListParams = QueryParams<typeof opportunityListQuery>;
export type PipelineParams = QueryParams<typeof pipelineQuery>;
export type DealSupportQueueParams = QueryParams<typeof dealSupportQueueQuery>;
export type EngineerLoadList = z.infer<typeof engineerLoadListSchema>;
export {
  DEAL_SUPPORT_KINDS,
  DEAL_SUPPORT_KIND_LABELS,
  DEAL_SUPPORT_STATUSES,
  DEAL_SUPPORT_STATUS_LABELS,
  DEMO_OUTCOMES,
  DEMO_OUTCOME_LABELS,
  OPPORTUNITY_SORTS,
  OPPORTUNITY_STAGES,
  STAGE_LABELS,
  TECHNICAL_WIN_LABELS,
  TECHNICAL_WIN_STATUSES,
};

export const STAGE_COLORS: Record<Opportunity['stage'], string> = {
  discovery: 'gray',
  qualification: 'cyan',
  technical_validation: 'blue',
  proposal: 'violet',
  negotiation: 'orange',
  closed_won: 'teal',
  closed_lost: 'red',
};
export const TECHNICAL_WIN_COLORS: Record<Opportunity['technicalWin'], string> = {
  not_started: 'gray',
  in_progress: 'blue',
  won: 'teal',
  lost: 'red',
};
export const DEAL_SUPPORT_STATUS_COLORS: Record<DealSupportRequest['status'], string> = {
  new: 'blue',
  accepted: 'cyan',
  in_progress: 'violet',
  done: 'teal',
  declined: 'gray',
};
export const DEMO_OUTCOME_COLORS: Record<NonNullable<Demo['outcome']>, string> = { positive: 'teal', neutral: 'yellow', negative: 'red' };

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

// Under ['presales'], so whatever changes a deal refreshes every pre-sales screen (its tabs too).
export const opportunityKeys = {
  list: (params: OpportunityListParams) => ['presales', 'opportunities', 'list', params] as const,
  pipeline: (params: PipelineParams) => ['presales', 'opportunities', 'pipeline', params] as const,
  detail: (id: string) => ['presales', 'opportunities', 'detail', id] as const,
  timeline: (id: string) => ['presales', 'opportunities', 'timeline', id] as const,
  demos: (id: string) => ['presales', 'opportunities', 'demos', id] as const,
  requests: (id: string) => ['presales', 'opportunities', 'deal-support', id] as const,
  queue: (params: DealSupportQueueParams) => ['presales', 'deal-support', 'queue', params] as const,
  load: ['presales', 'deal-support', 'load'] as const,
};

function useRefreshPresales() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['presales'] });
}

export function useOpportunities(params: OpportunityListParams, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.list(params),
    queryFn: () => api.get<Page<Opportunity>>('/api/opportunities', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePipeline(params: PipelineParams) {
  return useQuery({
    queryKey: opportunityKeys.pipeline(params),
    queryFn: () => api.get<Pipeline>('/api/opportunities/pipeline', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKeys.detail(id), queryFn: () => api.get<Opportunity>(`/api/opportunities/${id}`) });
}

export function useSaveOpportunity() {
  const refresh = useRefreshPresales();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreateOpportunityInput | UpdateOpportunityInput) & { id?: string }) =>
      id ? api.patch<Opportunity>(`/api/opportunities/${id}`, body) : api.post<Opportunity>('/api/opportunities', body),
    onSuccess: refresh,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: opportunityKeys.timeline(id),
    queryFn: () => api.get<{ items: TimelineEntry[] }>(`/api/opportunities/${id}/timeline`).then((r) => r.items),
  });
}

export function useLogDealInteraction(opportunityId: string, accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LogOpportunityInteractionInput) => api.post(`/api/opportunities/${opportunityId}/interactions`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['presales'] }),
        client.invalidateQueries({ queryKey: ['accounts', 'interactions', accountId] }),
      ]),
  });
}

export function useDemos(opportunityId: string) {
  return useQuery({
    queryKey: opportunityKeys.demos(opportunityId),
    queryFn: () => api.get<{ items: Demo[] }>(`/api/opportunities/${opportunityId}/demos`).then((r) => r.items),
  });
}

export function useSaveDemo(opportunityId: string, accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreateDemoInput | UpdateDemoInput) & { id?: string }) =>
      id ? api.patch<Demo>(`/api/demos/${id}`, body) : api.post<Demo>(`/api/opportunities/${opportunityId}/demos`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['presales'] }),
        client.invalidateQueries({ queryKey: ['accounts', 'interactions', accountId] }),
      ]),
  });
}

export function useOpportunityRequests(opportunityId: string) {
  return useQuery({
    queryKey: opportunityKeys.requests(opportunityId),
    queryFn: () => api.get<{ items: DealSupportRequest[] }>(`/api/opportunities/${opportunityId}/deal-support`).then((r) => r.items),
  });
}

export function useDealSupportQueue(params: DealSupportQueueParams) {
  return useQuery({
    queryKey: opportunityKeys.queue(params),
    queryFn: () => api.get<Page<DealSupportRequest>>('/api/deal-support', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useEngineerLoad() {
  return useQuery({ queryKey: opportunityKeys.load, queryFn: () => api.get<EngineerLoadList>('/api/deal-support/load') });
}

export function useRequestSupport(opportunityId: string) {
  const refresh = useRefreshPresales();
  return useMutation({
    mutationFn: (body: CreateDealSupportInput) => api.post<DealSupportRequest>(`/api/opportunities/${opportunityId}/deal-support`, body),
    onSuccess: refresh,
  });
}

export function useUpdateRequest() {
  const refresh = useRefreshPresales();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDealSupportInput & { id: string }) =>
      api.patch<DealSupportRequest>(`/api/deal-support/${id}`, body),
    onSuccess: refresh,
  });
}
