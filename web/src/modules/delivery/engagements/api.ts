import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';
import type { CustomerRole } from '../../accounts/labels';
import type { EngagementKind, EngagementStatus, EngagementTimeCategory, TaskStatus } from './labels';

// Hand-mirrored from src/modules/delivery/engagements/schemas.ts.

export interface Ref {
  id: string;
  name: string;
}

export interface TemplateTask {
  key: string;
  title: string;
  description: string | null;
  ownerSide: 'team' | 'customer';
  /** One of our roles when ownerSide is 'team', a customer role when 'customer'. */
  ownerRole: string | CustomerRole | null;
  startOffsetDays: number;
  durationDays: number;
  dependsOn: string[];
  customerVisible: boolean;
  milestone: boolean;
}

export interface TemplateSummary {
  id: string;
  name: string;
  kind: EngagementKind;
  description: string | null;
  phaseCount: number;
  taskCount: number;
  durationDays: number;
  archived: boolean;
}

export interface Template {
  id: string;
  name: string;
  kind: EngagementKind;
  description: string | null;
  archived: boolean;
  durationDays: number;
  createdAt: string;
  updatedAt: string;
  phases: { id: string; name: string; position: number; tasks: TemplateTask[] }[];
}

export interface TemplateInput {
  name: string;
  kind: EngagementKind;
  description?: string | null;
  phases: { name: string; tasks: TemplateTask[] }[];
  archived?: boolean;
}

export interface EngagementSummary {
  id: string;
  name: string;
  kind: EngagementKind;
  status: EngagementStatus;
  account: Ref;
  lead: Ref | null;
  startDate: string;
  targetGoLiveDate: string | null;
  projectedGoLiveDate: string | null;
  actualGoLiveDate: string | null;
  slipDays: number | null;
  atRisk: boolean;
  budgetHours: number;
  loggedHours: number;
  progress: { done: number; total: number };
  nextMilestone: { id: string; title: string; dueDate: string } | null;
}

export interface TaskOwner {
  type: 'member' | 'contact';
  id: string;
  name: string;
}

export interface Task {
  id: string;
  engagementId: string;
  phaseId: string | null;
  position: number;
  title: string;
  description: string | null;
  owner: TaskOwner | null;
  customerVisible: boolean;
  milestone: boolean;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  completedAt: string | null;
  dependsOn: string[];
  blockedBy: { id: string; title: string; status: TaskStatus }[];
  /** Not done and due before today. */
  overdue: boolean;
  loggedMinutes: number;
  commentCount: number;
}

export interface Phase {
  id: string;
  name: string;
  position: number;
  startDate: string | null;
  endDate: string | null;
}

export interface Engagement extends EngagementSummary {
  description: string | null;
  members: Ref[];
  contractStartDate: string | null;
  opportunityRef: string | null;
  templateId: string | null;
  pocVerdict: 'pending' | 'pass' | 'fail' | null;
  pocVerdictNote: string | null;
  createdAt: string;
  updatedAt: string;
  phases: Phase[];
  tasks: Task[];
}

export interface EngagementInput {
  accountId: string;
  kind: EngagementKind;
  name: string;
  description?: string | null;
  status?: EngagementStatus;
  leadId?: string | null;
  memberIds?: string[];
  templateId?: string | null;
  startDate: string;
  targetGoLiveDate?: string | null;
  contractStartDate?: string | null;
  budgetHours: number;
  opportunityRef?: string | null;
}

export type EngagementPatch = Partial<Omit<EngagementInput, 'accountId' | 'kind' | 'templateId'>> & { actualGoLiveDate?: string | null };

export interface TaskInput {
  phaseId?: string | null;
  title: string;
  description?: string | null;
  owner?: { type: 'member' | 'contact'; id: string } | null;
  customerVisible?: boolean;
  milestone?: boolean;
  startDate: string;
  dueDate: string;
  dependsOn?: string[];
}

export type TaskPatch = Partial<TaskInput> & { status?: TaskStatus };

export interface TaskComment {
  id: string;
  author: TaskOwner;
  body: string;
  createdAt: string;
}

export interface TimeEntry {
  id: string;
  member: Ref;
  minutes: number;
  category: string;
  note: string | null;
  startedAt: string;
  createdAt: string;
}

export interface TimeInput {
  minutes: number;
  category: EngagementTimeCategory;
  note?: string;
  startedAt?: string;
}

export interface Milestone {
  id: string;
  title: string;
  dueDate: string;
  status: TaskStatus;
  completedAt: string | null;
}

export interface EngagementProgress {
  budgetHours: number;
  loggedHours: number;
  remainingHours: number;
  burnDown: { date: string; remainingHours: number; idealRemainingHours: number }[];
  schedule: {
    startDate: string;
    targetGoLiveDate: string | null;
    projectedGoLiveDate: string | null;
    actualGoLiveDate: string | null;
    slipDays: number | null;
  };
  taskCounts: { todo: number; inProgress: number; done: number; total: number; blocked: number; overdue: number };
  milestones: Milestone[];
  timeToValueDays: number | null;
}

export type MyTask = Task & { engagement: { id: string; name: string; kind: EngagementKind }; account: Ref };

export interface EngagementListParams {
  kind?: string;
  status?: string;
  leadId?: string;
  accountId?: string;
  atRisk?: 'true';
  q?: string;
  cursor?: string;
  limit?: number;
}

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (params: EngagementListParams) => ['engagements', 'list', params] as const,
  detail: (id: string) => ['engagements', 'detail', id] as const,
  progress: (id: string) => ['engagements', 'progress', id] as const,
  time: (id: string) => ['engagements', 'time', id] as const,
  comments: (taskId: string) => ['engagements', 'comments', taskId] as const,
  myTasks: (status: 'open' | 'done') => ['engagements', 'my-tasks', status] as const,
  templates: (includeArchived: boolean) => ['engagement-templates', 'list', includeArchived] as const,
  template: (id: string) => ['engagement-templates', 'detail', id] as const,
};

/** Anything that changes a plan or its hours moves the engagement, its progress, lists and my tasks. */
const refreshEngagements = (client: QueryClient) => client.invalidateQueries({ queryKey: engagementKeys.all });

export function useEngagements(params: EngagementListParams, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.list(params),
    queryFn: () => api.get<Page<EngagementSummary>>('/api/engagements', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.detail(id), queryFn: () => api.get<Engagement>(`/api/engagements/${id}`) });
}

export function useEngagementProgress(id: string) {
  return useQuery({ queryKey: engagementKeys.progress(id), queryFn: () => api.get<EngagementProgress>(`/api/engagements/${id}/progress`) });
}

export function useEngagementTime(id: string) {
  return useQuery({
    queryKey: engagementKeys.time(id),
    queryFn: () => api.get<{ items: TimeEntry[]; totalMinutes: number; byCategory: Record<string, number> }>(`/api/engagements/${id}/time`),
  });
}

export function useCreateEngagement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EngagementInput) => api.post<Engagement>('/api/engagements', body),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useUpdateEngagement(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EngagementPatch) => api.patch<Engagement>(`/api/engagements/${id}`, body),
    onSuccess: (engagement) => {
      client.setQueryData(engagementKeys.detail(id), engagement);
      return refreshEngagements(client);
    },
  });
}

export function useCreateTask(engagementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskInput) => api.post<Task>(`/api/engagements/${engagementId}/tasks`, body),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TaskPatch & { id: string }) => api.patch<Task>(`/api/tasks/${id}`, body),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useDeleteTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/tasks/${id}`),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useTaskComments(taskId: string) {
  return useQuery({
    queryKey: engagementKeys.comments(taskId),
    queryFn: () => api.get<{ items: TaskComment[] }>(`/api/tasks/${taskId}/comments`).then((r) => r.items),
  });
}

export function useAddComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<TaskComment>(`/api/tasks/${taskId}/comments`, { body }),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useLogTaskTime(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TimeInput) => api.post<TimeEntry>(`/api/tasks/${taskId}/time`, body),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useMyTasks(status: 'open' | 'done') {
  return useQuery({
    queryKey: engagementKeys.myTasks(status),
    queryFn: () => api.get<{ items: MyTask[] }>('/api/my-tasks', { status }).then((r) => r.items),
  });
}

export function useTemplates(includeArchived = false) {
  return useQuery({
    queryKey: engagementKeys.templates(includeArchived),
    queryFn: () => api.get<{ items: TemplateSummary[] }>('/api/engagement-templates', { includeArchived: includeArchived ? 'true' : undefined }).then((r) => r.items),
  });
}

export function useTemplate(id: string | null) {
  return useQuery({
    queryKey: engagementKeys.template(id ?? ''),
    queryFn: () => api.get<Template>(`/api/engagement-templates/${id}`),
    enabled: Boolean(id),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TemplateInput & { id?: string }) =>
      id ? api.put<Template>(`/api/engagement-templates/${id}`, body) : api.post<Template>('/api/engagement-templates', body),
    onSuccess: (template) => {
      client.setQueryData(engagementKeys.template(template.id), template);
      return client.invalidateQueries({ queryKey: ['engagement-templates', 'list'] });
    },
  });
}
