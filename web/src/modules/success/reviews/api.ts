import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BusinessReview,
  BusinessReviewList,
  BusinessReviewSummary,
  CreateReviewInput,
  ReviewData,
  ReviewSection,
  SendReviewInput,
  UpdateReviewInput,
} from '../../../../../src/modules/success/contract/reviews';
import { REVIEW_CHART_CAPTIONS, REVIEW_SECTION_TITLES } from '../../../../../src/modules/success/contract/reviews';
import { api } from '../../../lib/api-client';

// Shapes of the business reviews API: src/modules/success/contract/reviews.ts.
export type { BusinessReview, BusinessReviewSummary, CreateReviewInput, ReviewData, ReviewSection, SendReviewInput, UpdateReviewInput };
export { REVIEW_CHART_CAPTIONS, REVIEW_SECTION_TITLES };

// Under ['success'], so whatever changes success data refreshes every success screen.
const keys = {
  ofAccount: (accountId: string) => ['success', 'business-reviews', 'account', accountId] as const,
  one: (id: string) => ['success', 'business-reviews', 'one', id] as const,
};

export const reviewPdfUrl = (id: string) => `/api/business-reviews/${id}/pdf`;

export function useAccountReviews(accountId: string) {
  return useQuery({
    queryKey: keys.ofAccount(accountId),
    queryFn: () => api.get<BusinessReviewList>(`/api/accounts/${accountId}/business-reviews`).then((r) => r.items),
  });
}

export function useReview(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api.get<BusinessReview>(`/api/business-reviews/${id}`) });
}

export function useGenerateReview(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReviewInput) => api.post<BusinessReview>(`/api/accounts/${accountId}/business-reviews`, body),
    onSuccess: (review) => {
      client.setQueryData(keys.one(review.id), review);
      return client.invalidateQueries({ queryKey: keys.ofAccount(accountId) });
    },
  });
}

function useReviewWrite<T>(id: string, write: (body: T) => Promise<BusinessReview>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (review) => {
      client.setQueryData(keys.one(id), review);
      return client.invalidateQueries({ queryKey: keys.ofAccount(review.accountId) });
    },
  });
}

export function useUpdateReview(id: string) {
  return useReviewWrite(id, (body: UpdateReviewInput) => api.patch<BusinessReview>(`/api/business-reviews/${id}`, body));
}

export function useSendReview(id: string) {
  const client = useQueryClient();
  const send = useReviewWrite(id, (body: SendReviewInput) => api.post<BusinessReview>(`/api/business-reviews/${id}/send`, body));
  return {
    ...send,
    mutateAsync: async (body: SendReviewInput) => {
      const review = await send.mutateAsync(body);
      // The send filed an interaction: the account's timeline changes too.
      await client.invalidateQueries({ queryKey: ['accounts'] });
      return review;
    },
  };
}

export function useDeleteReview(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/business-reviews/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.ofAccount(accountId) }),
  });
}
