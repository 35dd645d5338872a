import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalEngagement, PortalTask } from '../../../../src/modules/delivery/contract/engagements';
import { portalApi } from './portal-client';

// The customer's view of their projects: the portal section of src/modules/delivery/contract/engagements.ts.
export type { PortalEngagement, PortalTask };
export type PortalTaskStatus = PortalTask['status'];

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
