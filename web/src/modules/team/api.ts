import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api-client';
import type { QueryParams } from '../../lib/query-params';
import type {
  createdMemberSchema,
  CreateMemberInput,
  Member,
  memberListQuery,
  roleListSchema,
  setPasswordBody,
  teamListSchema,
  UpdateMemberInput,
} from '../../../../src/modules/team/contract/members';

// Shapes of the team API: src/modules/team/contract/members.ts.
export type { CreateMemberInput, Member, UpdateMemberInput };
export type WorkingHours = Member['workingHours'];
export type Role = Member['roles'][number];
export type MemberListParams = QueryParams<typeof memberListQuery>;
type SetPasswordInput = z.infer<typeof setPasswordBody>;

export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  roles: ['roles'] as const,
  teams: ['members', 'teams'] as const,
};

export function useRoles() {
  return useQuery({
    queryKey: memberKeys.roles,
    queryFn: () => api.get<z.infer<typeof roleListSchema>>('/api/roles').then((r) => r.items),
    staleTime: Infinity,
  });
}

/** The teams members are on (free-text names), for filters and the member form. */
export function useTeams() {
  return useQuery({
    queryKey: memberKeys.teams,
    queryFn: () => api.get<z.infer<typeof teamListSchema>>('/api/teams').then((r) => r.items),
  });
}

export function useMembers(params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: () => api.get<Page<Member>>('/api/members', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every active member, for pickers (attendees, account team, owner filter). Teams are small. */
export function useMemberOptions(enabled = true) {
  const query = useMembers({ limit: 200 }, enabled);
  const options = (query.data?.items ?? []).filter((m) => m.status !== 'disabled').map((m) => ({ value: m.id, label: m.name }));
  return { ...query, options, members: query.data?.items ?? [] };
}

export function useCreateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberInput) => api.post<z.infer<typeof createdMemberSchema>>('/api/members', body),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.all }),
  });
}

export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateMemberInput & { id: string }) => api.patch<Member>(`/api/members/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.all }),
  });
}

export function useSetMemberPassword() {
  return useMutation({
    mutationFn: ({ id, password }: SetPasswordInput & { id: string }) => api.post<void>(`/api/members/${id}/password`, { password }),
  });
}
