import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** Shapes of the search API (src/modules/search/schemas.ts). */

export const SEARCH_TYPES = ['ticket', 'message', 'contact', 'account', 'article'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  /** The title, HTML-escaped by the server, matched words in <mark>. */
  titleHtml: string;
  /** An excerpt, HTML-escaped by the server, matched words in <mark>. */
  snippet: string;
  score: number;
  ticketId: string | null;
  accountId: string | null;
  /** An article's status. */
  status: string | null;
  visibility: 'public' | 'internal';
  updatedAt: string;
}

export interface SearchResponse {
  items: SearchResult[];
  counts: Record<SearchType, number>;
  /** Per type: false when the server stopped counting at its cap, so the count means "at least". */
  countsExact: Record<SearchType, boolean>;
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

export interface SearchParams {
  q: string;
  types?: SearchType[];
  accountId?: string;
  limit?: number;
}

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
  }
}
