import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OpportunityPoc,
  OpportunityPocs,
  PocOutcome,
  StartPocInput,
  WinLoss,
  WinLossDeal,
} from '../../../../../src/modules/presales/contract/pocs';
import { POC_OUTCOME_LABELS, POC_OUTCOMES } from '../../../../../src/modules/presales/contract/pocs';
import type { OpportunityPage } from '../../../../../src/modules/presales/contract/opportunities';
import { api, withQuery } from '../../../lib/api-client';

// Shapes of the proof-of-concept API: src/modules/presales/contract/pocs.ts.
export type { OpportunityPoc, OpportunityPocs, PocOutcome, StartPocInput, WinLoss, WinLossDeal };
export { POC_OUTCOME_LABELS, POC_OUTCOMES };

export const POC_OUTCOME_COLORS: Record<PocOutcome, string> = { pass: 'teal', fail: 'red', pending: 'yellow', none: 'gray' };

// Under ['presales'], so a change to a deal refreshes every pre-sales screen.
export const pocKeys = {
  opportunity: (id: string) => ['presales', 'pocs', 'opportunity', id] as const,
  winLoss: (window: { from: string; to: string }) => ['presales', 'pocs', 'win-loss', window] as const,
};

export function useOpportunityPocs(opportunityId: string) {
  return useQuery({
    queryKey: pocKeys.opportunity(opportunityId),
    queryFn: () => api.get<OpportunityPocs>(`/api/opportunities/${opportunityId}/pocs`),
  });
}

export function useStartPoc(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartPocInput) => api.post<OpportunityPoc>(`/api/opportunities/${opportunityId}/pocs`, body),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['presales'] }), client.invalidateQueries({ queryKey: ['engagements'] })]),
  });
}

/** Win/loss by PoC verdict for a window; the previous figures stay on screen while a new window loads. */
export function useWinLoss(window: { from: string; to: string }) {
  return useQuery({
    queryKey: pocKeys.winLoss(window),
    queryFn: () => api.get<WinLoss>('/api/presales/win-loss', window),
    placeholderData: keepPreviousData,
  });
}

export const winLossCsvHref = (window: { from: string; to: string }) => withQuery('/api/presales/win-loss.csv', window);

/** An account's deals, for pickers that link a record to one (the engagement form). */
export function useAccountOpportunities(accountId: string | null) {
  return useQuery({
    queryKey: ['presales', 'opportunities', 'account', accountId],
    queryFn: () =>
      api
        .get<OpportunityPage>('/api/opportunities', { accountId: accountId!, sort: 'updated', order: 'desc', limit: 200 })
        .then((r) => r.items),
    enabled: Boolean(accountId),
  });
}
