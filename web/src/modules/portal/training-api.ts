import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalApi } from './portal-client';

/** The customer's view of the training they attend (src/modules/delivery/records/schemas.ts, portal section). */

export type PortalTrainingAudience = 'end_users' | 'it_admins';

export interface PortalTrainingFeedback {
  rating: number;
  comment: string | null;
}

export interface PortalTrainingSession {
  id: string;
  topic: string;
  audience: PortalTrainingAudience;
  scheduledAt: string;
  durationMinutes: number;
  trainer: { name: string } | null;
  materials: { title: string; url: string }[];
  status: 'scheduled' | 'delivered';
  /** The signed-in contact's own rating; they may change it. */
  yourFeedback: PortalTrainingFeedback | null;
}

export interface PortalFeedbackInput {
  rating: number;
  comment?: string | null;
}

const KEY = ['portal', 'training-sessions'] as const;

export function usePortalTraining() {
  return useQuery({ queryKey: KEY, queryFn: () => portalApi.get<{ items: PortalTrainingSession[] }>('/api/portal/training-sessions') });
}

export function useGivePortalFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PortalFeedbackInput & { id: string }) => portalApi.put<PortalTrainingSession>(`/api/portal/training-sessions/${id}/feedback`, body),
    onSuccess: (session) => {
      client.setQueryData<{ items: PortalTrainingSession[] }>(KEY, (old) => (old ? { items: old.items.map((s) => (s.id === session.id ? session : s)) } : old));
      return client.invalidateQueries({ queryKey: KEY });
    },
  });
}
