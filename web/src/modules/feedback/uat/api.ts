import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRoundInput,
  issueFromResultBody,
  issueFromResultResponse,
  UatCaseInput,
  UatRound,
  UatRoundSummary,
  UpdateCaseInput,
} from '../../../../../src/modules/feedback/contract/uat';
import { api } from '../../../lib/api-client';

// The shapes come from the server's contract (src/modules/feedback/contract/uat.ts).
export type { CreateRoundInput, UatCaseInput, UatRound, UatRoundSummary };
export type UatCase = UatRound['cases'][number];
export type UatFailure = UatRound['failures'][number];

const keys = {
  list: (requestId: string) => ['feedback', 'uat-rounds', requestId] as const,
  detail: (id: string) => ['feedback', 'uat-round', id] as const,
};

export function useUatRounds(requestId: string) {
  return useQuery({
    queryKey: keys.list(requestId),
    queryFn: () => api.get<{ items: UatRoundSummary[] }>(`/api/feature-requests/${requestId}/uat-rounds`).then((r) => r.items),
  });
}

export function useUatRound(id: string | null) {
  return useQuery({ queryKey: keys.detail(id ?? ''), queryFn: () => api.get<UatRound>(`/api/uat-rounds/${id}`), enabled: !!id });
}

/** Every UAT write answers with the whole round: put it in the cache and refresh the request's list. */
function useRoundMutation<I>(fn: (input: I) => Promise<UatRound>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (round) => {
      client.setQueryData(keys.detail(round.id), round);
      return client.invalidateQueries({ queryKey: keys.list(round.requestId) });
    },
  });
}

export function useCreateRound(requestId: string) {
  return useRoundMutation((body: CreateRoundInput) => api.post<UatRound>(`/api/feature-requests/${requestId}/uat-rounds`, body));
}

export function useAddCase(roundId: string) {
  return useRoundMutation((body: UatCaseInput) => api.post<UatRound>(`/api/uat-rounds/${roundId}/cases`, body));
}

export function useUpdateCase() {
  return useRoundMutation(({ id, ...body }: UpdateCaseInput & { id: string }) => api.patch<UatRound>(`/api/uat-cases/${id}`, body));
}

export function useDeleteCase() {
  return useRoundMutation((id: string) => api.delete<UatRound>(`/api/uat-cases/${id}`));
}

export function useReorderCases(roundId: string) {
  return useRoundMutation((caseIds: string[]) => api.put<UatRound>(`/api/uat-rounds/${roundId}/case-order`, { caseIds }));
}

export function useInviteContacts(roundId: string) {
  return useRoundMutation((contactIds: string[]) => api.post<UatRound>(`/api/uat-rounds/${roundId}/invitees`, { contactIds }));
}

export function useCloseRound(roundId: string) {
  return useRoundMutation(() => api.post<UatRound>(`/api/uat-rounds/${roundId}/close`));
}

export function useFailureToIssue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resultId, ...body }: z.input<typeof issueFromResultBody> & { resultId: string }) =>
      api.post<z.infer<typeof issueFromResultResponse>>(`/api/uat-results/${resultId}/engineering-issue`, body),
    onSuccess: ({ round }) => {
      client.setQueryData(keys.detail(round.id), round);
      return client.invalidateQueries({ queryKey: keys.list(round.requestId) });
    },
  });
}
