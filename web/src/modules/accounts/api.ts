import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client';
import type { Relationship } from '../../ui/RelationshipBadge';
import type { CustomerRole, InteractionKind, Segment, Stage } from './labels';

export interface AccountSummary {
  id: string;
  name: string;
  domains: string[];
  segment: Segment;
  arr: number;
  lifecycleStage: Stage;
  renewalDate: string | null;
  relationship: Relationship;
  contactCount: number;
  accountManager: { id: string; name: string } | null;
}

export interface RelationshipEvidence {
  verdict: Relationship;
  windowDays: number;
  interactionCount: number;
  deepInteractionCount: number;
  activeMonths: number;
  firstAt: string | null;
  lastAt: string | null;
  spanDays: number;
  kinds: Partial<Record<InteractionKind, number>>;
  activeEngagements: number;
  criteria: { label: string; actual: number; required: number; met: boolean }[];
  computedAt: string;
}

export interface Account extends AccountSummary {
  relationshipEvidence: RelationshipEvidence;
  team: { role: string; memberId: string; memberName: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface AccountInput {
  name: string;
  domains: string[];
  segment: Segment;
  arr: number;
  lifecycleStage: Stage;
  renewalDate: string | null;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string;
  title: string | null;
  customerRole: CustomerRole | null;
  phone: string | null;
  createdAt: string;
  /** In the account's contact list: whether the contact may sign in to the customer portal. */
  portalAccess?: boolean;
}

export type ContactInput = Pick<Contact, 'name' | 'email' | 'title' | 'customerRole' | 'phone'>;

export interface Interaction {
  id: string;
  accountId: string;
  kind: InteractionKind;
  occurredAt: string;
  durationMinutes: number;
  subject: string;
  notes: string | null;
  createdBy: string | null;
  attendees: { type: 'member' | 'contact'; id: string; name: string }[];
}

export interface InteractionInput {
  kind: InteractionKind;
  occurredAt: string;
  durationMinutes: number;
  subject: string;
  notes: string | null;
  memberIds: string[];
  contactIds: string[];
}

export interface RelationshipRules {
  windowDays: number;
  minInteractions: number;
  minActiveMonths: number;
  deepKinds: InteractionKind[];
  minDeepInteractions: number;
  engagementCountsAsEngaged: boolean;
}

export interface AccountListParams {
  q?: string;
  segment?: string;
  stage?: string;
  relationship?: string;
  memberId?: string;
  sort?: 'name' | 'arr' | 'renewal_date';
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

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
    mutationFn: (body: Partial<AccountInput>) => api.patch<Account>(`/api/accounts/${id}`, body),
    onSuccess: (account) => {
      client.setQueryData(accountKeys.detail(id), account);
      return client.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useSetAccountTeam(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slots: { role: string; memberId: string }[]) => api.put<Account>(`/api/accounts/${id}/team`, { slots }),
    onSuccess: (account) => {
      client.setQueryData(accountKeys.detail(id), account);
      return client.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId),
    queryFn: () => api.get<{ items: Contact[] }>(`/api/accounts/${accountId}/contacts`).then((r) => r.items),
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
    mutationFn: ({ id, ...body }: ContactInput & { id: string }) => api.patch<Contact>(`/api/contacts/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.contacts(accountId) }),
  });
}

export function useInteractions(accountId: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.interactions(accountId),
    queryFn: ({ pageParam }) =>
      api.get<Page<Interaction>>(`/api/accounts/${accountId}/interactions`, { cursor: pageParam, limit: 15 }),
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

export function useRelationshipRules() {
  return useQuery({ queryKey: accountKeys.rules, queryFn: () => api.get<RelationshipRules>('/api/settings/relationship-rules') });
}

export function useSaveRelationshipRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: RelationshipRules) => api.put<RelationshipRules>('/api/settings/relationship-rules', rules),
    onSuccess: (rules) => {
      client.setQueryData(accountKeys.rules, rules);
      return client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
