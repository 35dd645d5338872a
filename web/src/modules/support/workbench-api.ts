import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { ticketKeys, type SubmitStatus, type Ticket, type TicketMessage } from './api';
import type { Priority } from './labels';

/** The agent's tools on a ticket: runbooks, macros, time and CSAT (src/modules/support/{runbooks,macros,csat}, team/time-entries). */

export interface RunbookStep {
  index: number;
  instruction: string;
  expectedResult: string | null;
  inputLabel: string | null;
}

export interface Runbook {
  id: string;
  title: string;
  description: string;
  tags: string[];
  keywords: string[];
  steps: RunbookStep[];
  status: 'active' | 'archived';
  owner: { id: string; name: string };
}

export interface RunbookSuggestion {
  runbook: Runbook;
  score: number;
  matchedTags: string[];
  matchedKeywords: string[];
}

export type StepOutcome = 'done' | 'failed' | 'skipped';

export interface RunStep extends RunbookStep {
  outcome: StepOutcome | null;
  input: string | null;
  note: string | null;
  by: { id: string; name: string } | null;
  at: string | null;
}

export interface RunbookRun {
  id: string;
  ticketId: string;
  runbookId: string;
  title: string;
  status: 'in_progress' | 'resolved' | 'escalated';
  startedBy: { id: string; name: string } | null;
  startedAt: string;
  finishedAt: string | null;
  steps: RunStep[];
  nextStepIndex: number | null;
}

export interface MacroActions {
  status?: SubmitStatus;
  priority?: Priority;
  addTags?: string[];
  removeTags?: string[];
  assigneeId?: string | null;
  groupId?: string | null;
}

export interface Macro {
  id: string;
  title: string;
  body: string;
  visibility: 'public' | 'internal';
  actions: MacroActions;
  shared: boolean;
  owner: { id: string; name: string } | null;
}

export interface MacroPreview {
  body: string;
  visibility: 'public' | 'internal';
  unknownPlaceholders: string[];
  actions: MacroActions;
}

export type TimeCategory = 'routine' | 'engineering';

export interface TimeEntry {
  id: string;
  member: { id: string; name: string };
  minutes: number;
  category: string;
  note: string | null;
  startedAt: string;
  createdAt: string;
}

export interface TicketTime {
  items: TimeEntry[];
  totalMinutes: number;
  byCategory: Partial<Record<string, number>>;
}

export interface CsatSurvey {
  id: string;
  assignee: { id: string; name: string } | null;
  rating: 'good' | 'bad' | null;
  comment: string | null;
  ratedAt: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  link: string;
}

const keys = {
  runs: (id: string) => ['tickets', 'runbook-runs', id] as const,
  suggestions: (id: string) => ['tickets', 'runbook-suggestions', id] as const,
  macros: ['macros'] as const,
  time: (id: string) => ['tickets', 'time', id] as const,
  csat: (id: string) => ['tickets', 'csat', id] as const,
};

/** Work on the ticket shows up in its history, its escalation draft and its page. */
function refresh(client: ReturnType<typeof useQueryClient>, ticketId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.runs(ticketId) }),
    client.invalidateQueries({ queryKey: keys.time(ticketId) }),
    client.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) }),
    client.invalidateQueries({ queryKey: ticketKeys.events(ticketId) }),
    client.invalidateQueries({ queryKey: ['tickets', 'list'] }),
  ]);
}

export function useRunbookRuns(ticketId: string) {
  return useQuery({ queryKey: keys.runs(ticketId), queryFn: () => api.get<{ items: RunbookRun[] }>(`/api/tickets/${ticketId}/runbook-runs`).then((r) => r.items) });
}

export function useSuggestedRunbooks(ticketId: string) {
  return useQuery({
    queryKey: keys.suggestions(ticketId),
    queryFn: () => api.get<{ items: RunbookSuggestion[] }>(`/api/tickets/${ticketId}/runbooks/suggested`).then((r) => r.items),
  });
}

export function useRunbooks(enabled: boolean) {
  return useQuery({ queryKey: ['runbooks'], queryFn: () => api.get<{ items: Runbook[] }>('/api/runbooks').then((r) => r.items), enabled });
}

export function useStartRun(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runbookId: string) => api.post<RunbookRun>(`/api/tickets/${ticketId}/runbook-runs`, { runbookId }),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useRecordStep(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, index, ...body }: { runId: string; index: number; outcome: StepOutcome; input?: string; note?: string }) =>
      api.post<RunbookRun>(`/api/runbook-runs/${runId}/steps/${index}`, body),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useFinishRun(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, ...body }: { runId: string } & ({ result: 'resolved'; reply: string } | { result: 'escalate' })) =>
      api.post<{ run: RunbookRun; draft?: { summary: string } }>(`/api/runbook-runs/${runId}/finish`, body),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useMacros(enabled: boolean) {
  return useQuery({ queryKey: keys.macros, queryFn: () => api.get<{ items: Macro[] }>('/api/macros').then((r) => r.items), enabled });
}

export function useMacroPreview(ticketId: string, macroId: string | null) {
  return useQuery({
    queryKey: ['tickets', 'macro-preview', ticketId, macroId],
    queryFn: () => api.get<MacroPreview>(`/api/tickets/${ticketId}/macros/${macroId}/preview`),
    enabled: Boolean(macroId),
    staleTime: 0,
  });
}

export function useApplyMacro(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (macroId: string) => api.post<{ ticket: Ticket; message: TicketMessage | null }>(`/api/tickets/${ticketId}/macros/${macroId}/apply`),
    onSuccess: () => Promise.all([refresh(client, ticketId), client.invalidateQueries({ queryKey: ticketKeys.views })]),
  });
}

export function useTicketTime(ticketId: string) {
  return useQuery({ queryKey: keys.time(ticketId), queryFn: () => api.get<TicketTime>(`/api/tickets/${ticketId}/time`) });
}

export function useLogTime(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { minutes: number; category: TimeCategory; note?: string; startedAt?: string }) => api.post<TimeEntry>(`/api/tickets/${ticketId}/time`, body),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useTicketCsat(ticketId: string) {
  return useQuery({ queryKey: keys.csat(ticketId), queryFn: () => api.get<{ items: CsatSurvey[] }>(`/api/tickets/${ticketId}/csat`).then((r) => r.items) });
}
