import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingInput, Meeting, UpdateMeetingInput } from '../../../../../src/modules/feedback/contract/meetings';
import type { EngineeringIssueSummary } from '../../../../../src/modules/feedback/contract/engineering';
import { MEETING_KINDS, type MeetingKind } from '../../../../../src/modules/feedback/contract/kinds';
import { api, type Page } from '../../../lib/api-client';

// Shapes of the internal meetings API: src/modules/feedback/contract/meetings.ts.
export type { CreateMeetingInput, Meeting, MeetingKind, UpdateMeetingInput };
export { MEETING_KINDS };

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  product_review: 'Product review',
  engineering_sync: 'Engineering sync',
  roadmap_review: 'Roadmap review',
  other: 'Other',
};

// Under ['feedback'], so a request's page refreshes its meetings card with everything else.
const keys = {
  all: ['feedback', 'meetings'] as const,
  list: (kind: MeetingKind | null, cursor: string | undefined) => ['feedback', 'meetings', 'list', kind, cursor] as const,
  ofRequest: (id: string) => ['feedback', 'meetings', 'request', id] as const,
};

export function useMeetings(kind: MeetingKind | null, cursor: string | undefined) {
  return useQuery({
    queryKey: keys.list(kind, cursor),
    queryFn: () => api.get<Page<Meeting>>('/api/internal-meetings', { kind, cursor, limit: 25 }),
    placeholderData: keepPreviousData,
  });
}

export function useRequestMeetings(requestId: string) {
  return useQuery({
    queryKey: keys.ofRequest(requestId),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/feature-requests/${requestId}/meetings`).then((r) => r.items),
  });
}

/** Engineering issues to link, most recently changed first (the picker searches these). */
export function useIssueOptions(enabled: boolean) {
  const query = useQuery({
    queryKey: ['feedback', 'engineering-issues', 'options'],
    queryFn: () => api.get<Page<EngineeringIssueSummary>>('/api/engineering-issues', { limit: 200 }),
    enabled,
  });
  return (query.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.key} · ${i.title}` }));
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingInput) => api.post<Meeting>('/api/internal-meetings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateMeetingInput & { id: string }) => api.patch<Meeting>(`/api/internal-meetings/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
