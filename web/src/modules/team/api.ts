import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client';

export interface WorkingHours {
  start: string;
  end: string;
  days: number[];
}

export interface Member {
  id: string;
  email: string;
  name: string;
  title: string | null;
  status: 'active' | 'invited' | 'disabled';
  roles: string[];
  skills: string[];
  capacityHours: number;
  timeZone: string;
  workingHours: WorkingHours;
  createdAt: string;
}

export interface CreateMemberInput {
  email: string;
  name: string;
  title?: string | null;
  roles: string[];
  skills?: string[];
  capacityHours?: number;
  timeZone?: string;
  workingHours?: WorkingHours;
  password?: string;
}

export interface UpdateMemberInput {
  name?: string;
  title?: string | null;
  roles?: string[];
  skills?: string[];
  capacityHours?: number;
  timeZone?: string;
  workingHours?: WorkingHours;
  status?: 'active' | 'disabled';
}

export interface MemberListParams {
  q?: string;
  role?: string;
  cursor?: string;
  limit?: number;
}

export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  roles: ['roles'] as const,
};

export function useRoles() {
  return useQuery({
    queryKey: memberKeys.roles,
    queryFn: () => api.get<{ items: { id: string; label: string }[] }>('/api/roles').then((r) => r.items),
    staleTime: Infinity,
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
  const options = (query.data?.items ?? [])
    .filter((m) => m.status !== 'disabled')
    .map((m) => ({ value: m.id, label: m.name }));
  return { ...query, options, members: query.data?.items ?? [] };
}

export function useCreateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberInput) => api.post<{ member: Member; temporaryPassword: string | null }>('/api/members', body),
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
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post<void>(`/api/members/${id}/password`, { password }),
  });
}
