import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api-client';
import type { QueryParams } from '../../lib/query-params';
import type {
  Account,
  AccountContact,
  accountContactListSchema,
  AccountSummary,
  accountListQuery,
  Contact,
  createAccountBody,
  createContactBody,
  createInteractionBody,
  evidenceSchema,
  Interaction,
  setTeamBody,
  updateAccountBody,
  updateContactBody,
} from '../../../../src/modules/accounts/contract/accounts';

// Shapes of the accounts API: src/modules/accounts/contract/.
export type { Account, AccountContact, AccountSummary, Contact, Interaction };
export type RelationshipEvidence = z.infer<typeof evidenceSchema>;
export type AccountInput = z.input<typeof createAccountBody>;
export type AccountUpdate = z.input<typeof updateAccountBody>;
export type ContactInput = z.input<typeof createContactBody>;
export type ContactUpdate = z.input<typeof updateContactBody>;
export type InteractionInput = z.input<typeof createInteractionBody>;
export type TeamSlot = z.input<typeof setTeamBody>['slots'][number];
export type AccountListParams = QueryParams<typeof accountListQuery>;

export const accountKeys = {
  all: ['accounts'] as const,
  list: (params: AccountListParams) => ['accounts', 'list', params] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  contacts: (id: string) => ['accounts', 'contacts', id] as const,
  interactions: (id: string) => ['accounts', 'interactions', id] as const,
  rules: ['settings', 'relationship-rules'] as const,
};

export function useAccounts(params: AccountListParams, enabled = true) {
  return useQuery({
    queryKey: accountKeys.list(params),
    queryFn: () => api.get<Page<AccountSummary>>('/api/accounts', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKeys.detail(id), queryFn: () => api.get<Account>(`/api/accounts/${id}`) });
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountInput) => api.post<Account>('/api/accounts', body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useUpdateAccount(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountUpdate) => api.patch<Account>(`/api/accounts/${id}`, body),
    onSuccess: (account) => {
      client.setQueryData(accountKeys.detail(id), account);
      return client.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useSetAccountTeam(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slots: TeamSlot[]) => api.put<Account>(`/api/accounts/${id}/team`, { slots }),
    onSuccess: (account) => {
      client.setQueryData(accountKeys.detail(id), account);
      return client.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId),
    queryFn: () => api.get<z.infer<typeof accountContactListSchema>>(`/api/accounts/${accountId}/contacts`).then((r) => r.items),
  });
}

export function useCreateContact(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => api.post<Contact>(`/api/accounts/${accountId}/contacts`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.contacts(accountId) }),
  });
}

export function useUpdateContact(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ContactUpdate & { id: string }) => api.patch<Contact>(`/api/contacts/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.contacts(accountId) }),
  });
}

export function useInteractions(accountId: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.interactions(accountId),
    queryFn: ({ pageParam }) => api.get<Page<Interaction>>(`/api/accounts/${accountId}/interactions`, { cursor: pageParam, limit: 15 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After the timeline changes, the account's relationship verdict may have changed too. */
function refreshAfterTimelineChange(client: ReturnType<typeof useQueryClient>, accountId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: accountKeys.interactions(accountId) }),
    client.invalidateQueries({ queryKey: accountKeys.detail(accountId) }),
    client.invalidateQueries({ queryKey: ['accounts', 'list'] }),
  ]);
}

export function useLogInteraction(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionInput) => api.post<Interaction>(`/api/accounts/${accountId}/interactions`, body),
    onSuccess: () => refreshAfterTimelineChange(client, accountId),
  });
}

export function useDeleteInteraction(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/interactions/${id}`),
    onSuccess: () => refreshAfterTimelineChange(client, accountId),
  });
}
