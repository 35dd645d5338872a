import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalResultInput, PortalUatRound, PortalUatRoundSummary } from '../../../../src/modules/feedback/contract/uat';
import { portalApi } from './portal-client';

// The customer's side of acceptance testing: the portal section of src/modules/feedback/contract/uat.ts.
export type { PortalResultInput, PortalUatRound, PortalUatRoundSummary };
export type PortalUatCase = PortalUatRound['cases'][number];

const LIST = ['portal', 'uat-rounds'] as const;
const detail = (id: string) => ['portal', 'uat-round', id] as const;

export function usePortalUatRounds() {
  return useQuery({ queryKey: LIST, queryFn: () => portalApi.get<{ items: PortalUatRoundSummary[] }>('/api/portal/uat-rounds') });
}

export function usePortalUatRound(id: string) {
  return useQuery({ queryKey: detail(id), queryFn: () => portalApi.get<PortalUatRound>(`/api/portal/uat-rounds/${id}`), retry: false });
}

function useRoundWrite<I>(id: string, fn: (input: I) => Promise<PortalUatRound>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (round) => {
      client.setQueryData(detail(id), round);
      return client.invalidateQueries({ queryKey: LIST });
    },
  });
}

export function useRecordUatResult(roundId: string) {
  return useRoundWrite(roundId, ({ caseId, ...body }: PortalResultInput & { caseId: string }) =>
    portalApi.put<PortalUatRound>(`/api/portal/uat-rounds/${roundId}/cases/${caseId}/result`, body),
  );
}

export function useSignOffUatRound(roundId: string) {
  return useRoundWrite(roundId, (name: string) => portalApi.post<PortalUatRound>(`/api/portal/uat-rounds/${roundId}/sign-off`, { name }));
}
