import { useUrlFilters } from '../../../ui/use-url-filters';
import type { RequestListParams } from './api';
import { REQUEST_SORTS, type RequestSort } from './labels';

const FILTER_KEYS = ['q', 'status', 'area', 'segment', 'stage'] as const;

/** The ranked list's filters, sort and page live in the query string, so a view can be shared. */
export function useRequestFilters() {
  const filters = useUrlFilters(FILTER_KEYS);
  const { get, update } = filters;
  const asked = get('sort');
  const sort: RequestSort = REQUEST_SORTS.includes(asked as RequestSort) ? (asked as RequestSort) : 'score';
  return {
    ...filters,
    sort,
    query: {
      q: get('q'),
      // Whatever the address bar holds; the server rejects a value that is not one of its own.
      status: get('status') as RequestListParams['status'],
      productArea: get('area'),
      segment: get('segment') as RequestListParams['segment'],
      lifecycleStage: get('stage') as RequestListParams['lifecycleStage'],
      sort,
      cursor: get('cursor'),
      limit: 25,
    } satisfies RequestListParams,
    setSort: (column: RequestSort) => update({ sort: column === 'score' ? null : column, cursor: null }),
  };
}
