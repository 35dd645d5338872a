import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountRenewal,
  RenewalBoard,
  RenewalForecast,
  SetRenewalInput,
  renewalListQuery,
} from '../../../../../src/modules/success/contract/renewals';
import { RENEWAL_FORECASTS, RENEWAL_FORECAST_LABELS, RENEWAL_RISK_LABELS } from '../../../../../src/modules/success/contract/renewals';
import { api } from '../../../lib/api-client';

// Shapes of the renewals API: src/modules/success/contract/renewals.ts.
export type { AccountRenewal, RenewalBoard, RenewalForecast, SetRenewalInput };
export { RENEWAL_FORECASTS, RENEWAL_FORECAST_LABELS, RENEWAL_RISK_LABELS };

export const FORECAST_COLORS: Record<RenewalForecast, string> = { commit: 'teal', likely: 'blue', at_risk: 'red' };
export const RISK_COLORS: Record<AccountRenewal['risk'], string> = { low: 'teal', medium: 'yellow', high: 'red' };

export type BoardFilters = z.input<typeof renewalListQuery>;

const keys = {
  account: (id: string) => ['success', 'renewals', 'account', id] as const,
  board: (filters: BoardFilters) => ['success', 'renewals', 'board', filters] as const,
};

export function useAccountRenewal(accountId: string) {
  return useQuery({ queryKey: keys.account(accountId), queryFn: () => api.get<AccountRenewal>(`/api/accounts/${accountId}/renewal`) });
}

export function useSetRenewal(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetRenewalInput) => api.put<AccountRenewal>(`/api/accounts/${accountId}/renewal`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['success', 'renewals'] }),
  });
}

export function useRenewalBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: keys.board(filters),
    queryFn: () => api.get<RenewalBoard>('/api/renewals', { ...filters }),
    placeholderData: keepPreviousData,
  });
}
