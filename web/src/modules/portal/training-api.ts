import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { feedbackBody, PortalTrainingSession } from '../../../../src/modules/delivery/contract/records';
import { portalApi } from './portal-client';

// The customer's view of the training they attend: the portal section of src/modules/delivery/contract/records.ts.
export type { PortalTrainingSession };
export type PortalTrainingAudience = PortalTrainingSession['audience'];
export type PortalFeedbackInput = z.input<typeof feedbackBody>;

const KEY = ['portal', 'training-sessions'] as const;

export function usePortalTraining() {
  return useQuery({ queryKey: KEY, queryFn: () => portalApi.get<{ items: PortalTrainingSession[] }>('/api/portal/training-sessions') });
}

export function useGivePortalFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PortalFeedbackInput & { id: string }) =>
      portalApi.put<PortalTrainingSession>(`/api/portal/training-sessions/${id}/feedback`, body),
    onSuccess: (session) => {
      client.setQueryData<{ items: PortalTrainingSession[] }>(KEY, (old) =>
        old ? { items: old.items.map((s) => (s.id === session.id ? session : s)) } : old,
      );
      return client.invalidateQueries({ queryKey: KEY });
    },
  });
}
