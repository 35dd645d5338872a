import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalApi } from './portal-client';

/** The customer's view of their projects (src/modules/delivery/engagements/schemas.ts, portal section). */

export type PortalTaskStatus = 'todo' | 'in_progress' | 'done';

export interface PortalTask {
  id: string;
  title: string;
  description: string | null;
  milestone: boolean;
  startDate: string;
  dueDate: string;
  status: PortalTaskStatus;
  completedAt: string | null;
  owner: { type: 'member' | 'contact'; name: string } | null;
  /** Owned by the signed-in contact: they may mark it done. */
  yours: boolean;
  blocked: boolean;
}

export interface PortalEngagement {
  id: string;
  name: string;
  kind: 'implementation' | 'professional_services' | 'proof_of_concept' | 'field_visit' | 'forward_deployment' | 'onboarding';
  status: 'planned' | 'active' | 'at_risk' | 'on_hold' | 'done' | 'cancelled';
  startDate: string;
  targetGoLiveDate: string | null;
  actualGoLiveDate: string | null;
  lead: { name: string } | null;
  phases: { id: string | null; name: string; tasks: PortalTask[] }[];
}

const KEY = ['portal', 'engagements'] as const;

export function usePortalEngagements() {
  return useQuery({ queryKey: KEY, queryFn: () => portalApi.get<{ items: PortalEngagement[] }>('/api/portal/engagements') });
}

export function useCompletePortalTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) => portalApi.post<void>(`/api/portal/tasks/${taskId}/complete`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
