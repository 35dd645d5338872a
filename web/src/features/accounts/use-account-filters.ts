import { useSearchParams } from 'react-router-dom';
import type { AccountListParams } from './api';

const FILTER_KEYS = ['q', 'segment', 'stage', 'relationship', 'owner'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The accounts list's filters, sort and page live in the query string, so a view can be shared. */
export function useAccountFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;
  const sort = (get('sort') ?? 'name') as NonNullable<AccountListParams['sort']>;
  const order = (get('order') ?? 'asc') as 'asc' | 'desc';

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
    sort,
    order,
    cursor: get('cursor'),
    query: {
      q: get('q'),
      segment: get('segment'),
      stage: get('stage'),
      relationship: get('relationship'),
      memberId: get('owner'),
      sort,
      order,
      cursor: get('cursor'),
      limit: 25,
    } satisfies AccountListParams,
    /** A changed filter starts again from the first page. */
    setFilter: (key: FilterKey, value: string | null | undefined) => update({ [key]: value, cursor: null }),
    setSort: (column: NonNullable<AccountListParams['sort']>) =>
      update({ sort: column, order: column === sort && order === 'asc' ? 'desc' : 'asc', cursor: null }),
    setCursor: (cursor: string | undefined) => update({ cursor }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
    active: FILTER_KEYS.some((k) => params.has(k)),
  };
}
