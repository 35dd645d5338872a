import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlanInput,
  Objective,
  ObjectiveInput,
  PortalPlan,
  SuccessPlan,
  UpdatePlanInput,
} from '../../../../../src/modules/success/contract/plans';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_STATUS_LABELS,
  PLAN_STATUSES,
  PLAN_STATUS_LABELS,
} from '../../../../../src/modules/success/contract/plans';
import { api } from '../../../lib/api-client';

// Shapes of the success plans API: src/modules/success/contract/plans.ts.
export type { CreatePlanInput, Objective, ObjectiveInput, PortalPlan, SuccessPlan, UpdatePlanInput };
export { OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS, PLAN_STATUSES, PLAN_STATUS_LABELS };

export const PLAN_STATUS_COLORS: Record<SuccessPlan['status'], string> = {
  draft: 'gray',
  active: 'blue',
  achieved: 'teal',
  abandoned: 'dark',
};
export const OBJECTIVE_STATUS_COLORS: Record<Objective['status'], string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  achieved: 'blue',
};

// Under ['success'], so whatever changes success data refreshes every success screen.
export const planKeys = {
  account: (id: string) => ['success', 'plans', 'account', id] as const,
};

export function useAccountPlans(accountId: string) {
  return useQuery({
    queryKey: planKeys.account(accountId),
    queryFn: () => api.get<{ items: SuccessPlan[] }>(`/api/accounts/${accountId}/success-plans`).then((r) => r.items),
  });
}

export function useSavePlan(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreatePlanInput | UpdatePlanInput) & { id?: string }) =>
      id
        ? api.patch<SuccessPlan>(`/api/success-plans/${id}`, body)
        : api.post<SuccessPlan>(`/api/accounts/${accountId}/success-plans`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['success'] }),
  });
}

export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/success-plans/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['success'] }),
  });
}
