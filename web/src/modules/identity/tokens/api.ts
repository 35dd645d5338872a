import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApiToken,
  apiTokenListSchema,
  createdTokenSchema,
  CreateTokenInput,
} from '../../../../../src/modules/identity/contract/tokens';
import { api } from '../../../lib/api-client';

// Shapes of the API-token API: src/modules/identity/contract/tokens.ts.
export type { ApiToken, CreateTokenInput };

const tokenKeys = { all: ['tokens'] as const };

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.all,
    queryFn: () => api.get<z.infer<typeof apiTokenListSchema>>('/api/tokens').then((r) => r.items),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) => api.post<z.infer<typeof createdTokenSchema>>('/api/tokens', body),
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
