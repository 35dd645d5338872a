import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, [unknown, unknown]> | null;
  ip: string | null;
}

export interface AuditParams {
  actorId?: string;
  recordType?: string;
  recordId?: string;
  /** ISO times: entries at or after `from`, at or before `to`. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

const tokenKeys = { all: ['tokens'] as const };

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: () => api.get<{ items: ApiToken[] }>('/api/tokens').then((r) => r.items) });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: string[] }) => api.post<{ token: string; apiToken: ApiToken }>('/api/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiToken>(`/api/tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useAuditLog(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}
