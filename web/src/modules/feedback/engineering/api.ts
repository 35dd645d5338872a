import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  affectedSchema,
  createIssueBody,
  engineeringEscalationBody,
  engineeringIssueSchema,
  engineeringIssueSummarySchema,
  escalationResultSchema,
  issueDraftSchema,
  issueListQuery,
  trackerSettingsBody,
  trackerSettingsSchema,
  updateIssueBody,
  upgradeCampaignResultSchema,
} from '../../../../../src/modules/feedback/contract/engineering';
import { api, type Page } from '../../../lib/api-client';

/** Engineering issues' API types, inferred from the server's contract (src/modules/feedback/contract). */

export type EngineeringIssue = z.infer<typeof engineeringIssueSchema>;
export type EngineeringIssueSummary = z.infer<typeof engineeringIssueSummarySchema>;
export type CreateIssueInput = z.input<typeof createIssueBody>;
export type UpdateIssueInput = z.input<typeof updateIssueBody>;
export type EngineeringEscalationInput = z.input<typeof engineeringEscalationBody>;
export type IssueDraft = z.infer<typeof issueDraftSchema>;
export type Affected = z.infer<typeof affectedSchema>;
export type TrackerSettings = z.infer<typeof trackerSettingsSchema>;
export type TrackerSettingsInput = z.input<typeof trackerSettingsBody>;
export type { IssueSeverity, IssueStatus } from '../../../../../src/modules/feedback/contract/kinds';

/** The list's filters, as the contract's query takes them (the page size is the screen's own). */
export type IssueFilters = Omit<z.input<typeof issueListQuery>, 'limit'>;

const keys = {
  all: ['engineering-issues'] as const,
  list: (f: IssueFilters) => ['engineering-issues', 'list', f] as const,
  one: (id: string) => ['engineering-issues', 'one', id] as const,
  affected: (id: string) => ['engineering-issues', 'affected', id] as const,
  trackers: ['engineering-trackers'] as const,
};

export function useEngineeringIssues(filters: IssueFilters, enabled = true) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => api.get<Page<EngineeringIssueSummary>>('/api/engineering-issues', { ...filters, limit: 50 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEngineeringIssue(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api.get<EngineeringIssue>(`/api/engineering-issues/${id}`) });
}

/** Every write answers the whole issue: put it in the cache, and refresh lists and ticket cards. */
function useIssueWrite<I>(fn: (input: I) => Promise<EngineeringIssue>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (issue) => {
      qc.setQueryData(keys.one(issue.id), issue);
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export const useCreateIssue = () =>
  useIssueWrite((input: CreateIssueInput) => api.post<EngineeringIssue>('/api/engineering-issues', input));
export const useUpdateIssue = (id: string) =>
  useIssueWrite((input: UpdateIssueInput) => api.patch<EngineeringIssue>(`/api/engineering-issues/${id}`, input));
export const useLinkTicket = (id: string) =>
  useIssueWrite((ticketId: string) => api.post<EngineeringIssue>(`/api/engineering-issues/${id}/tickets`, { ticketId }));
export const useUnlinkTicket = (id: string) =>
  useIssueWrite((ticketId: string) => api.delete<EngineeringIssue>(`/api/engineering-issues/${id}/tickets/${ticketId}`));
export const useSendDraftedReply = () =>
  useIssueWrite(({ issueId, ticketId }: { issueId: string; ticketId: string }) =>
    api.post<EngineeringIssue>(`/api/engineering-issues/${issueId}/tickets/${ticketId}/reply`, {}),
  );
export const useDiscardDraftedReply = () =>
  useIssueWrite(({ issueId, ticketId }: { issueId: string; ticketId: string }) =>
    api.delete<EngineeringIssue>(`/api/engineering-issues/${issueId}/tickets/${ticketId}/reply`),
  );

/** The issues linked to a ticket, each in full (they carry the drafted reply for that ticket). */
export function useTicketEngineeringIssues(ticketId: string) {
  return useQuery({
    queryKey: [...keys.all, 'ticket', ticketId],
    queryFn: async () => {
      const page = await api.get<Page<EngineeringIssueSummary>>('/api/engineering-issues', { ticketId, limit: 20 });
      return Promise.all(page.items.map((i) => api.get<EngineeringIssue>(`/api/engineering-issues/${i.id}`)));
    },
  });
}

export function useAffected(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.affected(id), queryFn: () => api.get<Affected>(`/api/engineering-issues/${id}/affected`), enabled });
}

export function useStartCampaign(id: string) {
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof upgradeCampaignResultSchema>>(`/api/engineering-issues/${id}/upgrade-campaign`, {}),
  });
}

export function useIssueDraft(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'draft', ticketId],
    queryFn: () => api.get<IssueDraft>(`/api/tickets/${ticketId}/engineering-issue-draft`),
    enabled,
  });
}

export function useEngineeringEscalation(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EngineeringEscalationInput) =>
      api.post<z.infer<typeof escalationResultSchema>>(`/api/tickets/${ticketId}/engineering-escalation`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export function useTrackerSettings() {
  return useQuery({ queryKey: keys.trackers, queryFn: () => api.get<TrackerSettings>('/api/engineering-trackers') });
}

export function useSaveTrackerSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TrackerSettingsInput) => api.put<TrackerSettings>('/api/engineering-trackers', input),
    onSuccess: (data) => qc.setQueryData(keys.trackers, data),
  });
}
