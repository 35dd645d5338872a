import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createCriterionBody,
  createTrainingBody,
  createVisitBody,
  criterionSchema,
  feedbackBody,
  fieldVisitSchema,
  generateReportBody,
  pocSchema,
  statusReportSchema,
  statusReportSummarySchema,
  trainingSessionSchema,
  updateCriterionBody,
  updateReportBody,
  updateTrainingBody,
  updateVisitBody,
  verdictBody,
} from '../../../../../src/modules/delivery/contract/records';
import { api, type Page } from '../../../lib/api-client';
import { accountKeys } from '../../accounts/api';

// The shapes come from the server's contract (src/modules/delivery/contract/records.ts): responses
// as the server sends them (z.infer), request bodies as it accepts them (z.input).

export { REPORT_SECTIONS } from '../../../../../src/modules/delivery/contract/kinds';
export type { CriterionStatus, OverallStatus, PocVerdict, TrainingAudience } from '../../../../../src/modules/delivery/contract/kinds';

// ---------------------------------------------------------------- status reports

type StatusReportSummary = z.infer<typeof statusReportSummarySchema>;
export type StatusReport = z.infer<typeof statusReportSchema>;
export type ReportSections = StatusReport['sections'];

const reportKeys = {
  list: (engagementId: string) => ['delivery', 'status-reports', engagementId] as const,
  detail: (id: string) => ['delivery', 'status-report', id] as const,
};

export function useStatusReports(engagementId: string) {
  return useQuery({
    queryKey: reportKeys.list(engagementId),
    queryFn: () => api.get<{ items: StatusReportSummary[] }>(`/api/engagements/${engagementId}/status-reports`).then((r) => r.items),
  });
}

export function useStatusReport(id: string | null) {
  return useQuery({
    queryKey: reportKeys.detail(id ?? ''),
    queryFn: () => api.get<StatusReport>(`/api/status-reports/${id}`),
    enabled: !!id,
  });
}

function useReportMutation<I>(engagementId: string, fn: (input: I) => Promise<StatusReport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (report) => {
      client.setQueryData(reportKeys.detail(report.id), report);
      return client.invalidateQueries({ queryKey: reportKeys.list(engagementId) });
    },
  });
}

export function useGenerateReport(engagementId: string) {
  return useReportMutation(engagementId, (body: z.input<typeof generateReportBody>) =>
    api.post<StatusReport>(`/api/engagements/${engagementId}/status-reports`, body),
  );
}

export function useUpdateReport(engagementId: string, id: string) {
  return useReportMutation(engagementId, (body: z.input<typeof updateReportBody>) =>
    api.patch<StatusReport>(`/api/status-reports/${id}`, body),
  );
}

export function useSendReport(engagementId: string, id: string) {
  return useReportMutation(engagementId, (contactIds: string[]) =>
    api.post<StatusReport>(`/api/status-reports/${id}/send`, { contactIds }),
  );
}

export function useDeleteReport(engagementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/status-reports/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.list(engagementId) }),
  });
}

// ---------------------------------------------------------------- proof of concept

export type Criterion = z.infer<typeof criterionSchema>;
export type Poc = z.infer<typeof pocSchema>;

const pocKey = (engagementId: string) => ['delivery', 'poc', engagementId] as const;

export function usePoc(engagementId: string) {
  return useQuery({ queryKey: pocKey(engagementId), queryFn: () => api.get<Poc>(`/api/engagements/${engagementId}/poc`) });
}

function usePocMutation<I, O>(engagementId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: pocKey(engagementId) }), client.invalidateQueries({ queryKey: ['engagements'] })]),
  });
}

export function useAddCriterion(engagementId: string) {
  return usePocMutation(engagementId, (body: z.input<typeof createCriterionBody>) =>
    api.post<Criterion>(`/api/engagements/${engagementId}/poc-criteria`, body),
  );
}

export function useUpdateCriterion(engagementId: string) {
  return usePocMutation(engagementId, ({ id, ...body }: z.input<typeof updateCriterionBody> & { id: string }) =>
    api.patch<Criterion>(`/api/poc-criteria/${id}`, body),
  );
}

export function useDeleteCriterion(engagementId: string) {
  return usePocMutation(engagementId, (id: string) => api.delete(`/api/poc-criteria/${id}`));
}

export function useSetVerdict(engagementId: string) {
  return usePocMutation(engagementId, (body: z.input<typeof verdictBody>) =>
    api.put<Poc>(`/api/engagements/${engagementId}/poc-verdict`, body),
  );
}

// ---------------------------------------------------------------- training sessions

export type TrainingSession = z.infer<typeof trainingSessionSchema>;

const trainingKey = (accountId: string) => ['delivery', 'training', accountId] as const;
const visitsKey = (accountId: string) => ['delivery', 'field-visits', accountId] as const;

/** After a record changes, and perhaps lands on the account timeline. */
function useAccountRecordMutation<I, O>(accountId: string, key: readonly unknown[], fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: key }),
        client.invalidateQueries({ queryKey: accountKeys.interactions(accountId) }),
        client.invalidateQueries({ queryKey: accountKeys.detail(accountId) }),
      ]),
  });
}

export function useTrainingSessions(accountId: string) {
  return useQuery({
    queryKey: trainingKey(accountId),
    queryFn: () => api.get<Page<TrainingSession>>(`/api/accounts/${accountId}/training-sessions`, { limit: 100 }),
  });
}

export function useScheduleTraining(accountId: string) {
  return useAccountRecordMutation(accountId, trainingKey(accountId), (body: z.input<typeof createTrainingBody>) =>
    api.post<TrainingSession>(`/api/accounts/${accountId}/training-sessions`, body),
  );
}

export function useUpdateTraining(accountId: string) {
  return useAccountRecordMutation(
    accountId,
    trainingKey(accountId),
    ({ id, ...body }: z.input<typeof updateTrainingBody> & { id: string }) =>
      api.patch<TrainingSession>(`/api/training-sessions/${id}`, body),
  );
}

export function useRecordFeedback(accountId: string) {
  return useAccountRecordMutation(
    accountId,
    trainingKey(accountId),
    ({ id, contactId, ...body }: z.input<typeof feedbackBody> & { id: string; contactId: string }) =>
      api.put<TrainingSession>(`/api/training-sessions/${id}/feedback/${contactId}`, body),
  );
}

// ---------------------------------------------------------------- field visits

export type FieldVisit = z.infer<typeof fieldVisitSchema>;

export function useFieldVisits(accountId: string) {
  return useQuery({
    queryKey: visitsKey(accountId),
    queryFn: () => api.get<Page<FieldVisit>>(`/api/accounts/${accountId}/field-visits`, { limit: 100 }),
  });
}

/** Visits across accounts, soonest first: `engineerId: 'me'` and a date window give a field engineer's week. */
export function useFieldVisitList(query: { engineerId?: string; from?: string; to?: string; limit?: number }) {
  return useQuery({
    queryKey: ['delivery', 'field-visits', query] as const,
    queryFn: () => api.get<Page<FieldVisit>>('/api/field-visits', query),
  });
}

export function usePlanVisit(accountId: string) {
  return useAccountRecordMutation(accountId, visitsKey(accountId), (body: z.input<typeof createVisitBody>) =>
    api.post<FieldVisit>(`/api/accounts/${accountId}/field-visits`, body),
  );
}

export function useUpdateVisit(accountId: string) {
  return useAccountRecordMutation(accountId, visitsKey(accountId), ({ id, ...body }: z.input<typeof updateVisitBody> & { id: string }) =>
    api.patch<FieldVisit>(`/api/field-visits/${id}`, body),
  );
}

/**
 * Ticks checklist items at once (the list shows the tick before the server answers), then saves
 * them. Each save carries the whole checklist, so quick ticks are sent one after another (one
 * scope) and the list is re-read only after the last of them: an earlier answer never undoes a
 * later tick on screen, and a later save never lands before an earlier one.
 */
export function useTickChecklist(accountId: string) {
  const client = useQueryClient();
  const key = visitsKey(accountId);
  const mutationKey = ['field-visit-checklist', accountId];
  return useMutation({
    mutationKey,
    scope: { id: `field-visit-checklist:${accountId}` },
    mutationFn: ({ id, checklist }: { id: string; checklist: FieldVisit['checklist'] }) =>
      api.patch<FieldVisit>(`/api/field-visits/${id}`, { checklist }),
    onMutate: async ({ id, checklist }) => {
      // The tick shows in this very render; a re-read already on its way is then dropped so it
      // cannot bring the old list back.
      const before = client.getQueryData<Page<FieldVisit>>(key);
      const ticked = (page: Page<FieldVisit>) => ({ ...page, items: page.items.map((v) => (v.id === id ? { ...v, checklist } : v)) });
      if (before) client.setQueryData<Page<FieldVisit>>(key, ticked(before));
      await client.cancelQueries({ queryKey: key });
      const now = client.getQueryData<Page<FieldVisit>>(key);
      if (now) client.setQueryData<Page<FieldVisit>>(key, ticked(now));
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => {
      if (client.isMutating({ mutationKey }) === 1) return client.invalidateQueries({ queryKey: key });
    },
  });
}

export function useDeleteVisit(accountId: string) {
  return useAccountRecordMutation(accountId, visitsKey(accountId), (id: string) => api.delete(`/api/field-visits/${id}`));
}
