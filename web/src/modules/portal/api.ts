import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ArticleHit,
  articleHitListSchema,
  CreatePortalTicketInput,
  PasswordSignInInput,
  PortalArticle,
  PortalBranding,
  PortalMessage,
  PortalSession,
  PortalTicket,
  PortalTicketDetail,
  portalTicketListQuery,
  PortalTicketStatus,
  SetPortalPasswordInput,
  signInLinkSentSchema,
} from '../../../../src/modules/portal/contract/portal';
import { ApiError, type Page } from '../../lib/api-client';
import { portalApi, setPortalCsrfToken } from './portal-client';

// Shapes of the portal API: src/modules/portal/contract/portal.ts.
export type {
  ArticleHit,
  CreatePortalTicketInput,
  PortalArticle,
  PortalBranding,
  PortalMessage,
  PortalSession,
  PortalTicket,
  PortalTicketStatus,
};
/** The ticket list's filters, as the server reads them. */
export type PortalTicketFilters = Pick<z.output<typeof portalTicketListQuery>, 'status' | 'mine' | 'cursor'>;

export const BRANDING_KEY = ['portal-branding'] as const;
export const PORTAL_SESSION_KEY = ['portal', 'session'] as const;

export function useBranding() {
  return useQuery({ queryKey: BRANDING_KEY, queryFn: () => portalApi.get<PortalBranding>('/api/portal/branding'), staleTime: 5 * 60_000 });
}

async function fetchPortalSession(): Promise<PortalSession | null> {
  try {
    const session = await portalApi.get<PortalSession>('/api/portal/session');
    setPortalCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function usePortalSession({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: PORTAL_SESSION_KEY, queryFn: fetchPortalSession, staleTime: Infinity, retry: false, enabled });
}

/** Another contact's tickets must not linger in the cache after a sign-in or sign-out. */
function startPortalSession(client: QueryClient, session: PortalSession | null) {
  setPortalCsrfToken(session?.csrfToken ?? null);
  // A session probe still in flight (the sign-in page checks on load) must not overwrite the answer.
  void client.cancelQueries({ queryKey: PORTAL_SESSION_KEY });
  client.removeQueries({ predicate: (q) => q.queryKey[0] === 'portal' && q.queryKey[1] !== PORTAL_SESSION_KEY[1] });
  client.setQueryData(PORTAL_SESSION_KEY, session);
}

export function useRequestSignInLink() {
  return useMutation({
    mutationFn: (email: string) => portalApi.post<z.infer<typeof signInLinkSentSchema>>('/api/portal/sign-in-link', { email }),
  });
}

export function useSignInWithLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => portalApi.post<PortalSession>('/api/portal/sign-in/link', { token }),
    onSuccess: (session) => startPortalSession(client, session),
  });
}

export function useSignInWithPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordSignInInput) => portalApi.post<PortalSession>('/api/portal/sign-in/password', body),
    onSuccess: (session) => startPortalSession(client, session),
  });
}

export function usePortalSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => portalApi.post<void>('/api/portal/sign-out'),
    onSettled: () => startPortalSession(client, null),
  });
}

export function useSetPortalPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetPortalPasswordInput) => portalApi.post<void>('/api/portal/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTAL_SESSION_KEY }),
  });
}

export function usePortalTickets(filters: PortalTicketFilters) {
  return useQuery({
    queryKey: ['portal', 'tickets', filters],
    queryFn: () =>
      portalApi.get<Page<PortalTicket>>('/api/portal/tickets', {
        status: filters.status,
        mine: filters.mine ? 'true' : undefined,
        cursor: filters.cursor,
        limit: 20,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePortalTicket(id: string) {
  return useQuery({
    queryKey: ['portal', 'ticket', id],
    queryFn: () => portalApi.get<PortalTicketDetail>(`/api/portal/tickets/${encodeURIComponent(id)}`),
  });
}

export function useCreatePortalTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePortalTicketInput) => portalApi.post<PortalTicket>('/api/portal/tickets', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'tickets'] }),
  });
}

export function usePortalReply(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => portalApi.post<PortalMessage>(`/api/portal/tickets/${encodeURIComponent(ticketId)}/messages`, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['portal', 'ticket', ticketId] });
      void client.invalidateQueries({ queryKey: ['portal', 'tickets'] });
    },
  });
}

export function useArticleSearch(q: string) {
  return useQuery({
    queryKey: ['portal', 'articles', q],
    queryFn: () => portalApi.get<z.infer<typeof articleHitListSchema>>('/api/portal/articles', { q }).then((r) => r.items),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: ['portal', 'article', id],
    queryFn: () => portalApi.get<PortalArticle>(`/api/portal/articles/${encodeURIComponent(id)}`),
  });
}
