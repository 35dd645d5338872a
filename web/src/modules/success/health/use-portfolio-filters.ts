import { useUrlFilters } from '../../../ui/use-url-filters';
import type { PortfolioParams } from './api';

const FILTER_KEYS = ['q', 'grade', 'segment', 'owner'] as const;
export type PortfolioFilterKey = (typeof FILTER_KEYS)[number];
export type PortfolioSort = NonNullable<PortfolioParams['sort']>;

/** Which way a column sorts first: the worst health, the biggest drop, the largest ARR, the nearest renewal, A–Z. */
const FIRST_DIRECTION: Record<PortfolioSort, 'asc' | 'desc'> = {
  score: 'asc',
  change: 'asc',
  name: 'asc',
  arr: 'desc',
  renewal: 'asc',
};

/** The portfolio's filters and order live in the query string, so a view can be bookmarked and shared. */
export function usePortfolioFilters() {
  const filters = useUrlFilters(FILTER_KEYS);
  const { get, update } = filters;
  const sort = (get('sort') ?? 'score') as PortfolioSort;
  const direction = (get('direction') ?? FIRST_DIRECTION[sort] ?? 'asc') as 'asc' | 'desc';
  return {
    ...filters,
    sort,
    direction,
    query: {
      q: get('q'),
      // Whatever the address bar holds; the server rejects a value that is not one of its own.
      grade: get('grade') as PortfolioParams['grade'],
      segment: get('segment') as PortfolioParams['segment'],
      ownerId: get('owner'),
      sort,
      direction,
      limit: 25,
    } satisfies PortfolioParams,
    setSort: (column: PortfolioSort) =>
      update({
        sort: column,
        direction: column === sort ? (direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column],
        cursor: null,
      }),
  };
}
