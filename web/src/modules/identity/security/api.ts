import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberSession, memberSessionListSchema } from '../../../../../src/modules/identity/contract/auth';
import { api } from '../../../lib/api-client';

// Shapes of the sessions API: src/modules/identity/contract/auth.ts.
export type { MemberSession };

const key = ['auth-sessions'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get<z.infer<typeof memberSessionListSchema>>('/api/auth/sessions').then((r) => r.items),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
