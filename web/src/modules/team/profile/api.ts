import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberProfile, profileQuery, RoleProfileRules } from '../../../../../src/modules/team/contract/profile';
import type { QueryParams } from '../../../lib/query-params';
import { api } from '../../../lib/api-client';

// Shapes of the role-profile API: src/modules/team/contract/profile.ts.
export type { MemberProfile, RoleProfileRules };
export type Relationship = MemberProfile['deepRelationships'][number];

export type ProfilePeriod = QueryParams<typeof profileQuery>;

export const profileKeys = {
  all: ['team', 'profiles'] as const,
  profile: (id: string, period: ProfilePeriod) => ['team', 'profiles', id, period] as const,
  rules: ['team', 'role-profile-rules'] as const,
};

export function useMemberProfile(id: string, period: ProfilePeriod) {
  return useQuery({
    queryKey: profileKeys.profile(id, period),
    queryFn: () => api.get<MemberProfile>(`/api/members/${id}/profile`, { from: period.from, to: period.to }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useRoleProfileRules() {
  return useQuery({ queryKey: profileKeys.rules, queryFn: () => api.get<RoleProfileRules>('/api/admin/role-profile-rules') });
}

export function useSaveRoleProfileRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: RoleProfileRules) => api.put<RoleProfileRules>('/api/admin/role-profile-rules', rules),
    onSuccess: (rules) => {
      client.setQueryData(profileKeys.rules, rules);
      // Every profile (and the team view's verdicts) is judged by the new thresholds.
      return client.invalidateQueries({ queryKey: ['team'] });
    },
  });
}
