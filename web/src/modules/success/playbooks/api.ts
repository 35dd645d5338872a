import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlaybookRuleInput,
  PlaybookRule,
  SuccessTask,
  SuccessTaskPage,
  UpdatePlaybookRuleInput,
  UpdateSuccessTaskInput,
} from '../../../../../src/modules/success/contract/playbooks';
import {
  ROLE_LABELS,
  TASK_CLOSE_REASON_LABELS,
  TEAM_ROLES,
  TRIGGER_LABELS,
  TRIGGER_PARAMS,
} from '../../../../../src/modules/success/contract/playbooks';
import {
  PLAYBOOK_TRIGGERS,
  TASK_CLOSE_REASONS,
  type PlaybookTrigger,
  type TaskCloseReason,
  type TaskStatus,
} from '../../../../../src/modules/success/contract/kinds';
import { api } from '../../../lib/api-client';

// Shapes of the playbooks API: src/modules/success/contract/playbooks.ts.
export type { CreatePlaybookRuleInput, PlaybookRule, PlaybookTrigger, SuccessTask, TaskCloseReason, TaskStatus, UpdatePlaybookRuleInput };
export { PLAYBOOK_TRIGGERS, ROLE_LABELS, TASK_CLOSE_REASON_LABELS, TASK_CLOSE_REASONS, TEAM_ROLES, TRIGGER_LABELS, TRIGGER_PARAMS };

// Under ['success'], so whatever changes health or tasks refreshes every success screen.
const keys = {
  rules: ['success', 'playbook-rules'] as const,
  tasks: ['success', 'tasks'] as const,
};

export function usePlaybookRules() {
  return useQuery({ queryKey: keys.rules, queryFn: () => api.get<{ items: PlaybookRule[] }>('/api/playbook-rules').then((r) => r.items) });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreatePlaybookRuleInput | UpdatePlaybookRuleInput) & { id?: string }) =>
      id ? api.patch<PlaybookRule>(`/api/playbook-rules/${id}`, body) : api.post<PlaybookRule>('/api/playbook-rules', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ outcome: 'deleted' | 'disabled' }>(`/api/playbook-rules/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useRunRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ fired: number }>(`/api/playbook-rules/${id}/run`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['success'] }),
  });
}

export function useSuccessTasks(query: { assignee?: string; status: TaskStatus; cursor?: string }) {
  return useQuery({
    queryKey: [...keys.tasks, 'list', query],
    queryFn: () => api.get<SuccessTaskPage>('/api/success-tasks', { ...query, limit: 25 }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountTasks(accountId: string) {
  return useQuery({
    queryKey: [...keys.tasks, 'account', accountId],
    queryFn: () => api.get<SuccessTaskPage>(`/api/accounts/${accountId}/success-tasks`, { limit: 50 }),
  });
}

export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateSuccessTaskInput & { id: string }) => api.patch<SuccessTask>(`/api/success-tasks/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tasks }),
  });
}
