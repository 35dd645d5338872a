import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A signed-in session of the current member (src/modules/platform/auth-routes.ts). */
export interface MemberSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

const key = ['auth-sessions'] as const;

export function useMySessions() {
  return useQuery({ queryKey: key, queryFn: () => api.get<{ items: MemberSession[] }>('/api/auth/sessions').then((r) => r.items) });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
