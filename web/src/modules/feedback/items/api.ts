import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  createFeedbackBody,
  FeedbackItem,
  feedbackListQuery,
  inboxEntrySchema,
  inboxSchema,
  linkFeedbackBody,
  updateFeedbackBody,
} from '../../../../../src/modules/feedback/contract/items';

// Shapes of the feedback items API: src/modules/feedback/contract/items.ts.
export type { FeedbackItem };
export type CreateFeedbackInput = z.input<typeof createFeedbackBody>;
export type UpdateFeedbackInput = z.input<typeof updateFeedbackBody>;
export type LinkFeedbackInput = z.input<typeof linkFeedbackBody>;
export type InboxEntry = z.infer<typeof inboxEntrySchema>;
export type Inbox = z.infer<typeof inboxSchema>;
export type FeedbackListParams = QueryParams<typeof feedbackListQuery>;
export type InboxParams = Omit<FeedbackListParams, 'linked'>;

export const feedbackKeys = {
  all: ['feedback'] as const,
  items: ['feedback', 'items'] as const,
  list: (params: FeedbackListParams) => ['feedback', 'items', 'list', params] as const,
  inbox: (params: InboxParams) => ['feedback', 'inbox', params] as const,
};

export function useFeedbackItems(params: FeedbackListParams, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.list(params),
    queryFn: () => api.get<Page<FeedbackItem>>('/api/feedback-items', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The triage inbox, page by page ("Load more"), unlinked items first. */
export function useInbox(params: InboxParams) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.inbox(params),
    queryFn: ({ pageParam }) => api.get<Inbox>('/api/feedback-inbox', { ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Items, the inbox and every request's figures move together when an item is captured or linked.
 * Not awaited: a linked item moves down the inbox, taking its link panel (and the panel's success
 * callback) with it, so the callback runs first and the lists follow.
 */
function refreshFeedback(client: ReturnType<typeof useQueryClient>) {
  void client.invalidateQueries({ queryKey: feedbackKeys.all });
}

export function useCaptureFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedbackInput) => api.post<FeedbackItem>('/api/feedback-items', body),
    onSuccess: () => refreshFeedback(client),
  });
}

export function useUpdateFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateFeedbackInput & { id: string }) => api.patch<FeedbackItem>(`/api/feedback-items/${id}`, body),
    onSuccess: () => refreshFeedback(client),
  });
}

export function useDeleteFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/feedback-items/${id}`),
    onSuccess: () => refreshFeedback(client),
  });
}

/** Links an item to a request, to a new request made from it, or unlinks it (`{ requestId: null }`). */
export function useLinkFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, link }: { id: string; link: LinkFeedbackInput }) => api.put<FeedbackItem>(`/api/feedback-items/${id}/request`, link),
    onSuccess: () => refreshFeedback(client),
  });
}
