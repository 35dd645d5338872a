import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  createRequestBody,
  FeatureRequest,
  FeatureRequestSummary,
  requestListQuery,
  updateRequestBody,
} from '../../../../../src/modules/feedback/contract/requests';
import type { FeedbackItem } from '../items/api';

// Shapes of the feature requests API: src/modules/feedback/contract/requests.ts.
export type { FeatureRequest, FeatureRequestSummary };
export type CreateRequestInput = z.input<typeof createRequestBody>;
export type UpdateRequestInput = z.input<typeof updateRequestBody>;
export type RequestListParams = QueryParams<typeof requestListQuery>;
export type RequestAccount = FeatureRequest['accounts'][number];

// Under ['feedback'], so capturing or linking an item (which moves the figures) refreshes them too.
export const requestKeys = {
  all: ['feedback', 'requests'] as const,
  list: (params: RequestListParams) => ['feedback', 'requests', 'list', params] as const,
  detail: (id: string) => ['feedback', 'requests', 'detail', id] as const,
  items: (id: string) => ['feedback', 'requests', 'items', id] as const,
};

export function useFeatureRequests(params: RequestListParams, enabled = true) {
  return useQuery({
    queryKey: requestKeys.list(params),
    queryFn: () => api.get<Page<FeatureRequestSummary>>('/api/feature-requests', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFeatureRequest(id: string) {
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: () => api.get<FeatureRequest>(`/api/feature-requests/${id}`) });
}

/** The items behind a request, oldest pages first, "Show more" for the rest. */
export function useRequestItems(id: string) {
  return useInfiniteQuery({
    queryKey: requestKeys.items(id),
    queryFn: ({ pageParam }) => api.get<Page<FeedbackItem>>(`/api/feature-requests/${id}/items`, { cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequestInput) => api.post<FeatureRequest>('/api/feature-requests', body),
    onSuccess: () => client.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

export function useUpdateRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRequestInput) => api.patch<FeatureRequest>(`/api/feature-requests/${id}`, body),
    onSuccess: (request) => {
      client.setQueryData(requestKeys.detail(id), request);
      // Items show their request's status, so they refresh as well.
      return client.invalidateQueries({ queryKey: ['feedback'] });
    },
  });
}

/** Merges this request into `intoId`; answers the surviving request. */
export function useMergeRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (intoId: string) => api.post<FeatureRequest>(`/api/feature-requests/${id}/merge`, { intoId }),
    // Not awaited: the refetched page of the merged request no longer holds the dialog, whose
    // success callback (going to the survivor) must run first.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['feedback'] }),
  });
}

/** The product areas already in use, for suggestions: teams name a handful, so one page covers them. */
export function useProductAreas() {
  const requests = useFeatureRequests({ sort: 'title', limit: 200 });
  const areas = new Set((requests.data?.items ?? []).map((r) => r.productArea).filter((a): a is string => Boolean(a)));
  return [...areas].sort((a, b) => a.localeCompare(b));
}
