import { useSearchParams } from 'react-router-dom';
import type { EngagementListParams } from './api';

const FILTER_KEYS = ['q', 'kind', 'status', 'lead', 'atRisk'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The engagement list's filters and page live in the query string, so a view can be shared. */
export function useEngagementFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;

  const update = (changes: Record<string, string | undefined | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return {
    values: Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)])) as Record<FilterKey, string | undefined>,
    cursor: get('cursor'),
    query: {
      q: get('q'),
      kind: get('kind'),
      status: get('status'),
      leadId: get('lead'),
      atRisk: get('atRisk') === 'true' ? 'true' : undefined,
      cursor: get('cursor'),
      limit: 25,
    } satisfies EngagementListParams,
    /** A changed filter starts again from the first page. */
    setFilter: (key: FilterKey, value: string | null | undefined) => update({ [key]: value, cursor: null }),
    setCursor: (cursor: string | undefined) => update({ cursor }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
    active: FILTER_KEYS.some((k) => params.has(k)),
  };
}
