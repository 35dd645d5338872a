import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelationshipRules } from '../../../../../src/modules/accounts/contract/relationship-rules';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../api';

// Shapes of the relationship-rules API: src/modules/accounts/contract/relationship-rules.ts.
export type { RelationshipRules };

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
