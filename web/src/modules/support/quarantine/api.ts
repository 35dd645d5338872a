import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  QuarantinedMail,
  QuarantinePage,
  QuarantineReason,
  QuarantineRelease,
} from '../../../../../src/modules/support/contract/mail-quarantine';
import { api, ApiError } from '../../../lib/api-client';

// Shapes of the mail quarantine API: src/modules/support/contract/mail-quarantine.ts.
export type { QuarantinedMail, QuarantineReason };

const keys = {
  all: ['mail-quarantine'] as const,
  list: (reason: QuarantineReason | null) => ['mail-quarantine', 'list', reason] as const,
  raw: (id: string) => ['mail-quarantine', 'raw', id] as const,
};

/** Newest first, one "Load more" page at a time. */
export function useQuarantine(reason: QuarantineReason | null) {
  return useInfiniteQuery({
    queryKey: keys.list(reason),
    queryFn: ({ pageParam }) => api.get<QuarantinePage>('/api/inbound/quarantine', { reason, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The raw message as text: the server sends it as text/plain, and it is only ever shown as text. */
export function useRawMail(id: string | null) {
  return useQuery({
    queryKey: keys.raw(id ?? ''),
    enabled: id !== null,
    queryFn: async () => {
      const response = await fetch(`/api/inbound/quarantine/${id}/raw`, { credentials: 'same-origin' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new ApiError(
          response.status,
          body?.error?.code ?? 'http.error',
          body?.error?.message ?? `The server answered ${response.status}.`,
          {},
        );
      }
      return response.text();
    },
  });
}

export function useReleaseQuarantined() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<QuarantineRelease>(`/api/inbound/quarantine/${id}/release`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteQuarantined() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/inbound/quarantine/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
