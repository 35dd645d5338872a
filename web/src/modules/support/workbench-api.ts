import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { surveySchema } from '../../../../src/modules/support/contract/csat';
import type {
  macroApplyResultSchema,
  macroActionsSchema,
  macroPreviewSchema,
  macroSchema,
} from '../../../../src/modules/support/contract/macros';
import type {
  finishRunBody,
  finishRunResultSchema,
  recordStepBody,
  runbookSchema,
  runbookStepSchema,
  runSchema,
  suggestionSchema,
} from '../../../../src/modules/support/contract/runbooks';
import type { ticketTimeSchema } from '../../../../src/modules/support/contract/ticket-time';
import type { ticketTimeBody, timeEntrySchema } from '../../../../src/modules/team/contract/time-entries';
import { api } from '../../lib/api-client';
import { ticketKeys } from './api';

/** The agent's tools on a ticket: runbooks, macros, time and CSAT, typed by the server's contract (support/contract, team/contract/time-entries). */

export type RunbookStep = z.infer<typeof runbookStepSchema>;
export type Runbook = z.infer<typeof runbookSchema>;
export type RunbookSuggestion = z.infer<typeof suggestionSchema>;
export type { StepOutcome } from '../../../../src/modules/support/contract/kinds';
export type RunbookRun = z.infer<typeof runSchema>;
export type RunStep = RunbookRun['steps'][number];
type RecordStepInput = z.input<typeof recordStepBody>;
type FinishRunInput = z.input<typeof finishRunBody>;
type FinishRunResult = z.infer<typeof finishRunResultSchema>;
export type MacroActions = z.infer<typeof macroActionsSchema>;
export type Macro = z.infer<typeof macroSchema>;
export type MacroPreview = z.infer<typeof macroPreviewSchema>;
type MacroApplyResult = z.infer<typeof macroApplyResultSchema>;
type TicketTimeInput = z.input<typeof ticketTimeBody>;
export type TimeCategory = TicketTimeInput['category'];
export type TimeEntry = z.infer<typeof timeEntrySchema>;
export type TicketTime = z.infer<typeof ticketTimeSchema>;
export type CsatSurvey = z.infer<typeof surveySchema>;

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
  return useQuery({
    queryKey: keys.runs(ticketId),
    queryFn: () => api.get<{ items: RunbookRun[] }>(`/api/tickets/${ticketId}/runbook-runs`).then((r) => r.items),
  });
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
    mutationFn: ({ runId, index, ...body }: { runId: string; index: number } & RecordStepInput) =>
      api.post<RunbookRun>(`/api/runbook-runs/${runId}/steps/${index}`, body),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useFinishRun(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, ...body }: { runId: string } & FinishRunInput) =>
      api.post<FinishRunResult>(`/api/runbook-runs/${runId}/finish`, body),
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
    mutationFn: (macroId: string) => api.post<MacroApplyResult>(`/api/tickets/${ticketId}/macros/${macroId}/apply`),
    onSuccess: () => Promise.all([refresh(client, ticketId), client.invalidateQueries({ queryKey: ticketKeys.views })]),
  });
}

export function useTicketTime(ticketId: string) {
  return useQuery({ queryKey: keys.time(ticketId), queryFn: () => api.get<TicketTime>(`/api/tickets/${ticketId}/time`) });
}

export function useLogTime(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketTimeInput) => api.post<TimeEntry>(`/api/tickets/${ticketId}/time`, body),
    onSuccess: () => refresh(client, ticketId),
  });
}

export function useTicketCsat(ticketId: string) {
  return useQuery({
    queryKey: keys.csat(ticketId),
    queryFn: () => api.get<{ items: CsatSurvey[] }>(`/api/tickets/${ticketId}/csat`).then((r) => r.items),
  });
}
