import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { SEARCH_TYPES, type SearchType } from '../../../../src/modules/search/contract/kinds';
import type { SearchResponse, SearchResult, searchQuery } from '../../../../src/modules/search/contract/search';
import { api } from '../../lib/api-client';

// Shapes of the search API: src/modules/search/contract/search.ts.
export { SEARCH_TYPES, type SearchType };
export type { SearchResponse, SearchResult };
/** The search hooks' parameters: the endpoint's query, with the types as a list (sent comma-separated). */
export type SearchParams = Pick<z.input<typeof searchQuery>, 'q' | 'accountId'> &
  Partial<Pick<z.output<typeof searchQuery>, 'types' | 'limit'>>;

export const searchKeys = {
  all: ['search'] as const,
  results: (params: SearchParams) => ['search', 'results', params] as const,
  picker: (q: string, types: SearchType[]) => ['search', 'picker', q, types] as const,
};

const query = ({ q, types, accountId, limit }: SearchParams, cursor?: string) =>
  api.get<SearchResponse>('/api/search', { q, types: types?.length ? types.join(',') : undefined, accountId, limit, cursor });

/** Best match first, one "Load more" page at a time. */
export function useSearch(params: SearchParams) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(params),
    queryFn: ({ pageParam }) => query(params, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: params.q.trim().length > 0,
  });
}

/** A short list of matches for a picker (link an article, say); nothing is fetched for an empty query. */
export function useQuickSearch(q: string, types: SearchType[], limit = 8) {
  const text = q.trim();
  return useQuery({
    queryKey: searchKeys.picker(text, types),
    queryFn: () => query({ q: text, types, limit }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Where a result opens in the app. */
export function resultHref(result: SearchResult): string {
  switch (result.type) {
    case 'ticket':
    case 'message':
      return `/tickets/${result.ticketId ?? result.id}`;
    case 'account':
      return `/accounts/${result.accountId ?? result.id}`;
    case 'contact':
      return result.accountId ? `/accounts/${result.accountId}` : '/accounts';
    case 'article':
      return `/knowledge/${result.id}`;
    case 'collateral':
      return `/presales/collateral?item=${encodeURIComponent(result.id)}`;
  }
}
