import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addMessageBody,
  createTicketBody,
  createViewBody,
  escalateBody,
  escalationDraftSchema,
  escalationSchema,
  messageSchema,
  ticketDetailSchema,
  ticketEventSchema,
  ticketListQuery,
  ticketSchema,
  updateTicketBody,
  viewFiltersSchema,
  viewSchema,
} from '../../../../src/modules/support/contract/tickets';
import type { attachmentSchema } from '../../../../src/modules/support/contract/attachments';
import type {
  calendarBody,
  calendarViewSchema,
  createGroupBody,
  escalationActionsSchema,
  escalationConditionsSchema,
  groupSchema,
  policyBody,
  policyViewSchema,
  ruleBody,
  ruleRunResultSchema,
  ruleViewSchema,
  slaConditionsSchema,
} from '../../../../src/modules/support/contract/settings';
import { api, type Page } from '../../lib/api-client';
import { accountKeys, type Contact } from '../accounts/api';
import type { Priority } from './labels';

/** The support module's API types, inferred from the server's contract (src/modules/support/contract). */

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketSla = Ticket['sla'];
export type Attachment = z.infer<typeof attachmentSchema>;
export type TicketMessage = z.infer<typeof messageSchema>;
export type TicketDetail = z.infer<typeof ticketDetailSchema>;
export type RecentTicket = TicketDetail['recentTickets'][number];
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
export type ViewFilters = z.infer<typeof viewFiltersSchema>;
export type TicketView = z.infer<typeof viewSchema>;
export type CreateViewInput = z.input<typeof createViewBody>;
/** A queue's filters; the cursor is added page by page. */
export type TicketListParams = Omit<Partial<z.infer<typeof ticketListQuery>>, 'cursor'>;
export type CreateTicketInput = z.input<typeof createTicketBody>;
export type UpdateTicketInput = z.input<typeof updateTicketBody>;
export type { SubmitStatus } from '../../../../src/modules/support/contract/kinds';
export type AddMessageInput = z.input<typeof addMessageBody>;
export type EscalateInput = z.input<typeof escalateBody>;
type EscalationDraft = z.infer<typeof escalationDraftSchema>;

export const ticketKeys = {
  all: ['tickets'] as const,
  views: ['tickets', 'views'] as const,
  list: (params: TicketListParams) => ['tickets', 'list', params] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  events: (id: string) => ['tickets', 'events', id] as const,
  escalations: (id: string) => ['tickets', 'escalations', id] as const,
};

/** Queues change while agents work, so the counts refresh on their own. */
const QUEUE_REFRESH_MS = 30_000;

export function useViews() {
  return useQuery({
    queryKey: ticketKeys.views,
    queryFn: () => api.get<{ items: TicketView[] }>('/api/views').then((r) => r.items),
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useCreateView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateViewInput) => api.post<TicketView>('/api/views', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.views }),
  });
}

/** A queue, nearest SLA due first, one "Load more" page at a time. */
export function useTicketQueue(params: TicketListParams) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(params),
    queryFn: ({ pageParam }) => api.get<Page<Ticket>>('/api/tickets', { ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

/** One page of tickets, for small lists (an account's open tickets). */
export function useTickets(params: TicketListParams, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.list(params),
    queryFn: () => api.get<Page<Ticket>>('/api/tickets', { ...params }),
    enabled,
  });
}

/** The requester picker's contacts; nothing is fetched until an account is chosen. */
export function useAccountContacts(accountId: string | null) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId ?? ''),
    queryFn: () => api.get<{ items: Contact[] }>(`/api/accounts/${accountId}/contacts`).then((r) => r.items),
    enabled: Boolean(accountId),
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ticketKeys.detail(id), queryFn: () => api.get<TicketDetail>(`/api/tickets/${id}`) });
}

export function useTicketEvents(id: string, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.events(id),
    queryFn: () => api.get<{ items: TicketEvent[] }>(`/api/tickets/${id}/events`).then((r) => r.items),
    enabled,
  });
}

export function useEscalations(id: string) {
  return useQuery({
    queryKey: ticketKeys.escalations(id),
    queryFn: () => api.get<{ items: Escalation[] }>(`/api/tickets/${id}/escalations`).then((r) => r.items),
  });
}

export function useEscalationDraft(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'escalation-draft', id],
    queryFn: () => api.get<EscalationDraft>(`/api/tickets/${id}/escalation-draft`),
    enabled,
    // The draft is read when the dialog opens; it must reflect the notes written a moment ago.
    staleTime: 0,
    gcTime: 0,
  });
}

/** A change to one ticket touches its page, its history and every queue it may move between. */
function refreshTicket(client: ReturnType<typeof useQueryClient>, id: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ticketKeys.detail(id) }),
    client.invalidateQueries({ queryKey: ticketKeys.events(id) }),
    client.invalidateQueries({ queryKey: ticketKeys.escalations(id) }),
    client.invalidateQueries({ queryKey: ['tickets', 'list'] }),
    client.invalidateQueries({ queryKey: ticketKeys.views }),
  ]);
}

export function useCreateTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketInput) => api.post<Ticket>('/api/tickets', body),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['tickets', 'list'] }), client.invalidateQueries({ queryKey: ticketKeys.views })]),
  });
}

export function useUpdateTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketInput) => api.patch<Ticket>(`/api/tickets/${id}`, body),
    onSuccess: (ticket) => {
      client.setQueryData<TicketDetail>(ticketKeys.detail(id), (detail) => (detail ? { ...detail, ticket } : detail));
      return refreshTicket(client, id);
    },
  });
}

export function useAddMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMessageInput) => api.post<TicketMessage>(`/api/tickets/${id}/messages`, body),
    onSuccess: () => refreshTicket(client, id),
  });
}

export function useEscalate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalateInput) => api.post<Escalation>(`/api/tickets/${id}/escalate`, body),
    onSuccess: () => refreshTicket(client, id),
  });
}

// ——— Support settings (admin) ———

export type TicketGroup = z.infer<typeof groupSchema>;
type CreateGroupInput = z.input<typeof createGroupBody>;
export type BusinessCalendar = z.infer<typeof calendarViewSchema>;
export type BusinessCalendarInput = z.input<typeof calendarBody>;
/** ISO weekday (1 = Monday … 7 = Sunday) → opening intervals. */
export type WeeklyHours = BusinessCalendarInput['weeklyHours'];
export type TimeInterval = BusinessCalendar['weeklyHours'][string][number];
export type SlaConditions = z.infer<typeof slaConditionsSchema>;
export type SlaPolicy = z.infer<typeof policyViewSchema>;
export type SlaPolicyInput = z.input<typeof policyBody>;
export type SlaTarget = SlaPolicy['targets'][Priority];
export type EscalationConditions = z.infer<typeof escalationConditionsSchema>;
export type EscalationActions = z.infer<typeof escalationActionsSchema>;
export type EscalationRule = z.infer<typeof ruleViewSchema>;
export type EscalationRuleInput = z.input<typeof ruleBody>;
type RuleRunResult = z.infer<typeof ruleRunResultSchema>;

export const settingsKeys = {
  groups: ['support-settings', 'groups'] as const,
  calendars: ['support-settings', 'calendars'] as const,
  policies: ['support-settings', 'sla-policies'] as const,
  rules: ['support-settings', 'escalation-rules'] as const,
};

export function useGroups() {
  return useQuery({
    queryKey: settingsKeys.groups,
    queryFn: () => api.get<{ items: TicketGroup[] }>('/api/ticket-groups').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupInput) => api.post<TicketGroup>('/api/ticket-groups', body),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.groups }),
  });
}

export function useCalendars() {
  return useQuery({
    queryKey: settingsKeys.calendars,
    queryFn: () => api.get<{ items: BusinessCalendar[] }>('/api/business-calendars').then((r) => r.items),
  });
}

export function useSaveCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BusinessCalendarInput & { id?: string }) =>
      id ? api.put<BusinessCalendar>(`/api/business-calendars/${id}`, body) : api.post<BusinessCalendar>('/api/business-calendars', body),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.calendars }),
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: settingsKeys.policies,
    queryFn: () => api.get<{ items: SlaPolicy[] }>('/api/sla-policies').then((r) => r.items),
  });
}

export function useSaveSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SlaPolicyInput & { id?: string }) =>
      id ? api.put<SlaPolicy>(`/api/sla-policies/${id}`, body) : api.post<SlaPolicy>('/api/sla-policies', body),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.policies }),
  });
}

export function useEscalationRules() {
  return useQuery({
    queryKey: settingsKeys.rules,
    queryFn: () => api.get<{ items: EscalationRule[] }>('/api/escalation-rules').then((r) => r.items),
  });
}

export function useSaveEscalationRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EscalationRuleInput & { id?: string }) =>
      id ? api.put<EscalationRule>(`/api/escalation-rules/${id}`, body) : api.post<EscalationRule>('/api/escalation-rules', body),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.rules }),
  });
}

export function useRunEscalationRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RuleRunResult>('/api/escalation-rules/run'),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}
