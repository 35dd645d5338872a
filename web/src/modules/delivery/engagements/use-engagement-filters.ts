import { useUrlFilters } from '../../../ui/use-url-filters';
import type { EngagementListParams } from './api';

const FILTER_KEYS = ['q', 'kind', 'status', 'lead', 'atRisk'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The engagement list's filters and page live in the query string, so a view can be shared. */
export function useEngagementFilters() {
  const filters = useUrlFilters(FILTER_KEYS);
  const { get } = filters;
  return {
    ...filters,
    query: {
      q: get('q'),
      kind: get('kind'),
      status: get('status'),
      leadId: get('lead'),
      atRisk: get('atRisk') === 'true' ? 'true' : undefined,
      cursor: get('cursor'),
      limit: 25,
    } satisfies EngagementListParams,
  };
}
