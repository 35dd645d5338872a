import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  articleDraftSchema,
  articleListQuery,
  articleSchema,
  createArticleBody,
  linkArticleBody,
  linkedArticleSchema,
  updateArticleBody,
} from '../../../../../src/modules/support/contract/knowledge';
import { api, type Page } from '../../../lib/api-client';

/** The knowledge-base API's types, inferred from the server's contract (src/modules/support/contract/knowledge.ts). */

export {
  ARTICLE_STATUSES,
  ARTICLE_VISIBILITIES,
  type ArticleStatus,
  type ArticleVisibility,
} from '../../../../../src/modules/support/contract/kinds';
export type Article = z.infer<typeof articleSchema>;
/** A complete article as the editor holds it; also a body POST /api/articles accepts. */
export type ArticleInput = z.infer<typeof createArticleBody>;
type ArticleUpdate = z.input<typeof updateArticleBody>;
export type ArticleDraft = z.infer<typeof articleDraftSchema>;
/** The list's filters; the cursor is added page by page. */
export type ArticleListParams = Omit<Partial<z.infer<typeof articleListQuery>>, 'cursor'>;
export type LinkedArticle = z.infer<typeof linkedArticleSchema>;
type LinkArticleInput = z.input<typeof linkArticleBody>;

export const articleKeys = {
  all: ['articles'] as const,
  list: (params: ArticleListParams) => ['articles', 'list', params] as const,
  detail: (id: string) => ['articles', 'detail', id] as const,
  draft: (ticketId: string) => ['articles', 'draft', ticketId] as const,
  ofTicket: (ticketId: string) => ['articles', 'ticket', ticketId] as const,
};

/** Articles, most recently updated first, one "Load more" page at a time. */
export function useArticles(params: ArticleListParams) {
  return useInfiniteQuery({
    queryKey: articleKeys.list(params),
    queryFn: ({ pageParam }) => api.get<Page<Article>>('/api/articles', { ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The product areas and tags in use, for the list's filters and the editor's suggestions. */
export function useArticleFacets() {
  return useQuery({
    queryKey: ['articles', 'facets'],
    queryFn: async () => {
      const page = await api.get<Page<Article>>('/api/articles', { limit: 200 });
      const areas = new Set<string>();
      const tags = new Set<string>();
      for (const a of page.items) {
        if (a.productArea) areas.add(a.productArea);
        a.tags.forEach((t) => tags.add(t));
      }
      return { productAreas: [...areas].sort(), tags: [...tags].sort() };
    },
    staleTime: 60_000,
  });
}

export function useArticle(id: string, enabled = true) {
  return useQuery({ queryKey: articleKeys.detail(id), queryFn: () => api.get<Article>(`/api/articles/${id}`), enabled });
}

/** "Write an article from this ticket": read fresh each time, so it carries the latest replies. */
export function useArticleDraft(ticketId: string | null) {
  return useQuery({
    queryKey: articleKeys.draft(ticketId ?? ''),
    queryFn: () => api.get<ArticleDraft>(`/api/tickets/${ticketId}/article-draft`),
    enabled: Boolean(ticketId),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleInput) => api.post<Article>('/api/articles', body),
    onSuccess: (article) => {
      client.setQueryData(articleKeys.detail(article.id), article);
      return client.invalidateQueries({ queryKey: ['articles', 'list'] });
    },
  });
}

export function useUpdateArticle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleUpdate) => api.patch<Article>(`/api/articles/${id}`, body),
    onSuccess: (article) => {
      client.setQueryData(articleKeys.detail(id), article);
      return Promise.all([
        client.invalidateQueries({ queryKey: ['articles', 'list'] }),
        client.invalidateQueries({ queryKey: ['articles', 'ticket'] }),
      ]);
    },
  });
}

export function useDeleteArticle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/articles/${id}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: articleKeys.detail(id) });
      return client.invalidateQueries({ queryKey: articleKeys.all });
    },
  });
}

export function useTicketArticles(ticketId: string) {
  return useQuery({
    queryKey: articleKeys.ofTicket(ticketId),
    queryFn: () => api.get<{ items: LinkedArticle[] }>(`/api/tickets/${ticketId}/articles`).then((r) => r.items),
  });
}

/** Links an article to a ticket, or changes whether it solved the case; counts move with it. */
export function useLinkArticle(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkArticleInput) => api.post<LinkedArticle>(`/api/tickets/${ticketId}/articles`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: articleKeys.all }),
  });
}

export function useUnlinkArticle(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (articleId: string) => api.delete(`/api/tickets/${ticketId}/articles/${articleId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: articleKeys.all }),
  });
}
