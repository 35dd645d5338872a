import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  commentSchema,
  createEngagementBody,
  createTaskBody,
  engagementListQuery,
  engagementSchema,
  engagementSummarySchema,
  engagementTimeSchema,
  myTaskSchema,
  progressSchema,
  taskOwnerSchema,
  taskSchema,
  taskTimeBody,
  templatePutBody,
  templateSchema,
  templateSummarySchema,
  templateTaskSchema,
  updateEngagementBody,
  updateTaskBody,
} from '../../../../../src/modules/delivery/contract/engagements';
import { api, type Page } from '../../../lib/api-client';

// The shapes come from the server's contract (src/modules/delivery/contract/engagements.ts):
// responses as the server sends them (z.infer), request bodies as it accepts them (z.input).

export type TemplateTask = z.infer<typeof templateTaskSchema>;
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
export type Template = z.infer<typeof templateSchema>;
/** A template as the editor saves it: created (POST) or replaced, perhaps archived (PUT). */
export type TemplateInput = z.input<typeof templatePutBody>;

type EngagementSummary = z.infer<typeof engagementSummarySchema>;
export type Engagement = z.infer<typeof engagementSchema>;
export type Phase = Engagement['phases'][number];
export type Task = z.infer<typeof taskSchema>;
export type TaskOwner = z.infer<typeof taskOwnerSchema>;
export type MyTask = z.infer<typeof myTaskSchema>;
export type EngagementProgress = z.infer<typeof progressSchema>;
type EngagementTime = z.infer<typeof engagementTimeSchema>;
type TaskComment = z.infer<typeof commentSchema>;

type EngagementInput = z.input<typeof createEngagementBody>;
type EngagementPatch = z.input<typeof updateEngagementBody>;
type TaskInput = z.input<typeof createTaskBody>;
type TaskPatch = z.input<typeof updateTaskBody>;
type TimeInput = z.input<typeof taskTimeBody>;

/** A list's query as the browser sends it: the contract's parameters, each as URL text. */
type QueryOf<S extends z.ZodType> = { [K in keyof z.input<S>]?: string | number };
export type EngagementListParams = QueryOf<typeof engagementListQuery>;

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
    queryFn: () => api.get<EngagementTime>(`/api/engagements/${id}/time`),
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
    mutationFn: (body: TimeInput) => api.post<EngagementTime['items'][number]>(`/api/tasks/${taskId}/time`, body),
    onSuccess: () => refreshEngagements(client),
  });
}

export function useMyTasks(status: 'open' | 'done') {
  return useQuery({
    queryKey: engagementKeys.myTasks(status),
    queryFn: () => api.get<{ items: MyTask[] }>('/api/my-tasks', { status }).then((r) => r.items),
    // The home screen reads the same list: opening My tasks right after must still show what was
    // assigned since (by a colleague, a template), not the home's copy of half a minute ago.
    refetchOnMount: 'always',
  });
}

export function useTemplates(includeArchived = false) {
  return useQuery({
    queryKey: engagementKeys.templates(includeArchived),
    queryFn: () =>
      api
        .get<{ items: TemplateSummary[] }>('/api/engagement-templates', { includeArchived: includeArchived ? 'true' : undefined })
        .then((r) => r.items),
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
