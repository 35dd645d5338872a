import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedbackPreferences, PortalNotice, PortalNoticeList } from '../../../../src/modules/feedback/contract/loop';
import type { PortalFeatureRequest } from '../../../../src/modules/feedback/contract/roadmap';
import { portalApi } from './portal-client';

// The customer's product updates and public roadmap: src/modules/feedback/contract/{loop,roadmap}.ts.
export type { FeedbackPreferences, PortalFeatureRequest, PortalNotice, PortalNoticeList };

const keys = {
  notices: ['portal', 'notices'] as const,
  requests: ['portal', 'feature-requests'] as const,
  preferences: ['portal', 'feedback-preferences'] as const,
};

export function usePortalNotices() {
  return useQuery({ queryKey: keys.notices, queryFn: () => portalApi.get<PortalNoticeList>('/api/portal/notices') });
}

export function usePortalFeatureRequests() {
  return useQuery({
    queryKey: keys.requests,
    queryFn: () => portalApi.get<{ items: PortalFeatureRequest[] }>('/api/portal/feature-requests').then((r) => r.items),
  });
}

export function useMarkNoticeRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => portalApi.post<PortalNotice>(`/api/portal/notices/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notices }),
  });
}

export function useFeedbackPreferences() {
  return useQuery({ queryKey: keys.preferences, queryFn: () => portalApi.get<FeedbackPreferences>('/api/portal/feedback-preferences') });
}

export function useSetFeedbackPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (optOut: boolean) => portalApi.put<FeedbackPreferences>('/api/portal/feedback-preferences', { optOut }),
    onSuccess: (prefs) => client.setQueryData(keys.preferences, prefs),
  });
}
