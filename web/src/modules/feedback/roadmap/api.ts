import { useQuery } from '@tanstack/react-query';
import type { Roadmap, RoadmapRelease, RoadmapRequest, RoadmapStatus } from '../../../../../src/modules/feedback/contract/roadmap';
import { ROADMAP_STATUSES } from '../../../../../src/modules/feedback/contract/roadmap';
import { api } from '../../../lib/api-client';

// Shapes of the roadmap API: src/modules/feedback/contract/roadmap.ts.
export type { Roadmap, RoadmapRelease, RoadmapRequest, RoadmapStatus };
export { ROADMAP_STATUSES };

export function useRoadmap() {
  // Under ['feedback'], so shipping or re-planning a request refreshes the roadmap too.
  return useQuery({ queryKey: ['feedback', 'roadmap'], queryFn: () => api.get<Roadmap>('/api/roadmap') });
}
