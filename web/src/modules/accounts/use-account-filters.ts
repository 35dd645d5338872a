import { useUrlFilters } from '../../ui/use-url-filters';
import type { AccountListParams } from './api';

const FILTER_KEYS = ['q', 'segment', 'stage', 'relationship', 'owner'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The accounts list's filters, sort and page live in the query string, so a view can be shared. */
export function useAccountFilters() {
  const filters = useUrlFilters(FILTER_KEYS);
  const { get, update } = filters;
  const sort = (get('sort') ?? 'name') as NonNullable<AccountListParams['sort']>;
  const order = (get('order') ?? 'asc') as 'asc' | 'desc';
  return {
    ...filters,
    sort,
    order,
    query: {
      q: get('q'),
      // Whatever the address bar holds; the server rejects a value that is not one of its own.
      segment: get('segment') as AccountListParams['segment'],
      stage: get('stage') as AccountListParams['stage'],
      relationship: get('relationship') as AccountListParams['relationship'],
      memberId: get('owner'),
      sort,
      order,
      cursor: get('cursor'),
      limit: 25,
    } satisfies AccountListParams,
    setSort: (column: NonNullable<AccountListParams['sort']>) =>
      update({ sort: column, order: column === sort && order === 'asc' ? 'desc' : 'asc', cursor: null }),
  };
}
