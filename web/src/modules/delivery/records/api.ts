import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';
import { accountKeys } from '../../accounts/api';

/** Mirrors src/modules/delivery/records/schemas.ts (status reports, POC criteria, training, field visits). */

export interface Ref {
  id: string;
  name: string;
}

// ---------------------------------------------------------------- status reports

export type OverallStatus = 'on_track' | 'at_risk' | 'off_track';
export const REPORT_SECTIONS = ['summary', 'done', 'next', 'risks', 'decisions', 'budget', 'milestones'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export type ReportSections = Record<ReportSection, string>;

interface TaskLine {
  id: string;
  title: string;
  dueDate: string;
  owner: string | null;
}

export interface ReportFigures {
  asOf: string;
  engagementStatus: string;
  tasks: { done: number; total: number; doneInPeriod: number; overdue: number; blocked: number };
  progressPercent: number | null;
  budget: { budgetHours: number; loggedHoursInPeriod: number; loggedHoursToDate: number; remainingHours: number; burnPercent: number | null };
  schedule: { targetGoLiveDate: string | null; projectedGoLiveDate: string | null; slipDays: number | null };
  done: (TaskLine & { completedAt: string })[];
  next: TaskLine[];
  overdue: TaskLine[];
  blocked: (TaskLine & { blockedBy: string[] })[];
  decisions: (TaskLine & { reason: 'blocks_others' | 'overdue' })[];
  milestonesReached: { id: string; title: string; completedAt: string }[];
  milestonesUpcoming: { id: string; title: string; dueDate: string }[];
}

export interface StatusReportSummary {
  id: string;
  engagementId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  overallStatus: OverallStatus;
  suggestedStatus: OverallStatus;
  status: 'draft' | 'sent';
  createdBy: Ref | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  recipientCount: number;
}

export interface StatusReport extends StatusReportSummary {
  sections: ReportSections;
  figures: ReportFigures;
  recipients: { contact: Ref; email: string; sentAt: string; sentBy: Ref | null }[];
}

export interface ReportEdit {
  title?: string;
  overallStatus?: OverallStatus;
  sections?: Partial<ReportSections>;
}

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
  return useQuery({ queryKey: reportKeys.detail(id ?? ''), queryFn: () => api.get<StatusReport>(`/api/status-reports/${id}`), enabled: !!id });
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
  return useReportMutation(engagementId, (body: { periodStart: string; periodEnd: string; title?: string }) =>
    api.post<StatusReport>(`/api/engagements/${engagementId}/status-reports`, body),
  );
}

export function useUpdateReport(engagementId: string, id: string) {
  return useReportMutation(engagementId, (body: ReportEdit) => api.patch<StatusReport>(`/api/status-reports/${id}`, body));
}

export function useSendReport(engagementId: string, id: string) {
  return useReportMutation(engagementId, (contactIds: string[]) => api.post<StatusReport>(`/api/status-reports/${id}/send`, { contactIds }));
}

export function useDeleteReport(engagementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/status-reports/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.list(engagementId) }),
  });
}

// ---------------------------------------------------------------- proof of concept

export type CriterionStatus = 'pending' | 'pass' | 'fail';
export type Verdict = 'pending' | 'pass' | 'fail';

export interface Criterion {
  id: string;
  engagementId: string;
  position: number;
  statement: string;
  owner: { type: 'member' | 'contact'; id: string; name: string } | null;
  status: CriterionStatus;
  evidence: string | null;
  evidenceUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Poc {
  engagementId: string;
  opportunityRef: string | null;
  criteria: Criterion[];
  counts: Record<CriterionStatus, number>;
  verdict: Verdict;
  verdictNote: string | null;
  suggestedVerdict: Verdict;
}

export interface CriterionInput {
  statement?: string;
  owner?: { type: 'member' | 'contact'; id: string } | null;
  status?: CriterionStatus;
  evidence?: string | null;
  evidenceUrl?: string | null;
}

const pocKey = (engagementId: string) => ['delivery', 'poc', engagementId] as const;

export function usePoc(engagementId: string) {
  return useQuery({ queryKey: pocKey(engagementId), queryFn: () => api.get<Poc>(`/api/engagements/${engagementId}/poc`) });
}

function usePocMutation<I, O>(engagementId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: pocKey(engagementId) }), client.invalidateQueries({ queryKey: ['engagements'] })]),
  });
}

export function useAddCriterion(engagementId: string) {
  return usePocMutation(engagementId, (body: CriterionInput & { statement: string }) => api.post<Criterion>(`/api/engagements/${engagementId}/poc-criteria`, body));
}

export function useUpdateCriterion(engagementId: string) {
  return usePocMutation(engagementId, ({ id, ...body }: CriterionInput & { id: string }) => api.patch<Criterion>(`/api/poc-criteria/${id}`, body));
}

export function useDeleteCriterion(engagementId: string) {
  return usePocMutation(engagementId, (id: string) => api.delete(`/api/poc-criteria/${id}`));
}

export function useSetVerdict(engagementId: string) {
  return usePocMutation(engagementId, (body: { verdict: Verdict; note: string | null }) => api.put<Poc>(`/api/engagements/${engagementId}/poc-verdict`, body));
}

// ---------------------------------------------------------------- training sessions

export type Audience = 'end_users' | 'it_admins';
export type TrainingStatus = 'scheduled' | 'delivered' | 'cancelled';

export interface Material {
  title: string;
  url: string;
}

export interface TrainingSession {
  id: string;
  accountId: string;
  engagement: Ref | null;
  topic: string;
  audience: Audience;
  scheduledAt: string;
  durationMinutes: number;
  trainer: Ref | null;
  materials: Material[];
  notes: string | null;
  status: TrainingStatus;
  deliveredAt: string | null;
  interactionId: string | null;
  attendees: { contact: Ref; rating: number | null; comment: string | null; feedbackAt: string | null; feedbackBy: Ref | null }[];
  feedback: { count: number; averageRating: number | null };
  createdAt: string;
  updatedAt: string;
}

export interface TrainingInput {
  topic: string;
  audience: Audience;
  scheduledAt: string;
  durationMinutes: number;
  trainerId: string | null;
  engagementId?: string | null;
  contactIds: string[];
  materials: Material[];
  notes: string | null;
}

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
  return useAccountRecordMutation(accountId, trainingKey(accountId), (body: TrainingInput) => api.post<TrainingSession>(`/api/accounts/${accountId}/training-sessions`, body));
}

export function useUpdateTraining(accountId: string) {
  return useAccountRecordMutation(accountId, trainingKey(accountId), ({ id, ...body }: Partial<TrainingInput> & { id: string; status?: TrainingStatus }) =>
    api.patch<TrainingSession>(`/api/training-sessions/${id}`, body),
  );
}

export function useRecordFeedback(accountId: string) {
  return useAccountRecordMutation(accountId, trainingKey(accountId), ({ id, contactId, ...body }: { id: string; contactId: string; rating: number; comment: string | null }) =>
    api.put<TrainingSession>(`/api/training-sessions/${id}/feedback/${contactId}`, body),
  );
}

// ---------------------------------------------------------------- field visits

export interface ChecklistItem {
  label: string;
  done: boolean;
}

export interface FieldVisit {
  id: string;
  accountId: string;
  engagement: Ref | null;
  visitDate: string;
  siteAddress: string;
  purpose: string;
  engineer: Ref | null;
  checklist: ChecklistItem[];
  report: string | null;
  status: 'planned' | 'completed';
  completedAt: string | null;
  interactionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VisitInput {
  visitDate: string;
  siteAddress: string;
  purpose: string;
  engineerId: string | null;
  engagementId?: string | null;
  checklist: ChecklistItem[];
  report?: string | null;
}

export function useFieldVisits(accountId: string) {
  return useQuery({
    queryKey: visitsKey(accountId),
    queryFn: () => api.get<Page<FieldVisit>>(`/api/accounts/${accountId}/field-visits`, { limit: 100 }),
  });
}

export function usePlanVisit(accountId: string) {
  return useAccountRecordMutation(accountId, visitsKey(accountId), (body: VisitInput) => api.post<FieldVisit>(`/api/accounts/${accountId}/field-visits`, body));
}

export function useUpdateVisit(accountId: string) {
  return useAccountRecordMutation(accountId, visitsKey(accountId), ({ id, ...body }: Partial<VisitInput> & { id: string; status?: 'planned' | 'completed' }) =>
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
    mutationFn: ({ id, checklist }: { id: string; checklist: ChecklistItem[] }) => api.patch<FieldVisit>(`/api/field-visits/${id}`, { checklist }),
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
