import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client';
import { accountKeys, type Account, type Contact } from '../accounts/api';
import type { Segment } from '../accounts/labels';
import type { Channel, Priority, Status, Tier } from './labels';

/** Shapes of the support module's API (src/modules/support/schemas.ts and settings-routes.ts). */

export interface TicketSla {
  policyId: string | null;
  firstReplyDueAt: string | null;
  nextReplyDueAt: string | null;
  resolutionDueAt: string | null;
  /** The earliest active target. */
  dueAt: string | null;
  paused: boolean;
  breaches: string[];
}

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  group: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  requester: { id: string; name: string; email: string };
  account: { id: string; name: string; segment: Segment };
  channel: Channel;
  tags: string[];
  deploymentId: string | null;
  engineeringLink: string | null;
  reopenCount: number;
  tierEnteredAt: string;
  sla: TicketSla;
  createdAt: string;
  updatedAt: string;
  solvedAt: string | null;
}

export interface Attachment {
  id: string;
  ticketId: string;
  messageId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  url: string;
  createdAt: string;
}

export interface TicketMessage {
  id: string;
  ticketId: string;
  visibility: 'public' | 'internal';
  author: { type: 'member' | 'contact' | 'system'; id: string | null; name: string };
  body: string;
  via: 'web' | 'email' | 'portal' | 'api';
  createdAt: string;
  attachments: Attachment[];
}

export type RecentTicket = Pick<Ticket, 'id' | 'number' | 'subject' | 'status' | 'priority' | 'createdAt'>;

export interface TicketDetail {
  ticket: Ticket;
  messages: TicketMessage[];
  account: Account;
  recentTickets: RecentTicket[];
}

export interface TicketEvent {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  data: Record<string, unknown>;
}

export interface Escalation {
  id: string;
  ticketId: string;
  fromTier: Tier;
  toTier: Tier;
  actor: { type: string; id: string | null; name: string };
  ruleId: string | null;
  reason: string;
  summary: string;
  engineeringLink: string | null;
  at: string;
}

export interface ViewFilters {
  statuses?: Status[];
  tiers?: Tier[];
  priorities?: Priority[];
  assignee?: string;
  groupId?: string;
  accountId?: string;
  tag?: string;
  dueWithinMinutes?: number;
}

export interface TicketView {
  id: string;
  name: string;
  position: number;
  filters: ViewFilters;
  shared: boolean;
  count?: number;
}

export interface TicketListParams {
  view?: string;
  status?: Status;
  tier?: Tier;
  assignee?: string;
  accountId?: string;
  requesterId?: string;
  limit?: number;
}

export interface CreateTicketInput {
  subject: string;
  description: string;
  requesterId?: string;
  requesterEmail?: string;
  requesterName?: string;
  accountId?: string;
  priority: Priority;
  channel?: Channel;
  tags: string[];
  assigneeId?: string | null;
  groupId?: string | null;
}

export interface UpdateTicketInput {
  subject?: string;
  status?: Status;
  priority?: Priority;
  assigneeId?: string | null;
  groupId?: string | null;
  tags?: string[];
  deploymentId?: string | null;
}

export type SubmitStatus = 'open' | 'pending' | 'on_hold' | 'solved';

export interface AddMessageInput {
  body: string;
  visibility: 'public' | 'internal';
  status?: SubmitStatus;
}

export interface EscalateInput {
  toTier: Tier;
  reason: string;
  summary: string;
  engineeringLink?: string;
  groupId?: string | null;
}

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
    mutationFn: (body: { name: string; filters: ViewFilters; shared: boolean }) => api.post<TicketView>('/api/views', body),
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
    queryFn: () => api.get<{ summary: string }>(`/api/tickets/${id}/escalation-draft`),
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
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['tickets', 'list'] }), client.invalidateQueries({ queryKey: ticketKeys.views })]),
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

export interface TicketGroup {
  id: string;
  name: string;
  tier: Tier;
}

export interface TimeInterval {
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → opening intervals. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeInterval[]>>;

export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
}
export type BusinessCalendarInput = Omit<BusinessCalendar, 'id'>;

export interface SlaTarget {
  firstReplyMinutes: number | null;
  nextReplyMinutes: number | null;
  resolutionMinutes: number | null;
}

export interface SlaConditions {
  segments?: Segment[];
  priorities?: Priority[];
  channels?: Channel[];
  tiers?: Tier[];
  tags?: string[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  conditions: SlaConditions;
  targets: Record<Priority, SlaTarget>;
  calendarId: string | null;
  status: 'active' | 'archived';
}
export type SlaPolicyInput = Omit<SlaPolicy, 'id'>;

export interface EscalationConditions {
  tiers?: Tier[];
  priorities?: Priority[];
  segments?: Segment[];
  statuses?: Status[];
  minHoursInTier?: number;
  minBusinessHoursInTier?: number;
  slaMinutesRemainingBelow?: number;
  minReopenCount?: number;
}

export interface EscalationActions {
  moveToTier?: Tier;
  assignGroupId?: string;
  notifyRole?: string;
}

export interface EscalationRule {
  id: string;
  name: string;
  position: number;
  status: 'active' | 'paused';
  conditions: EscalationConditions;
  actions: EscalationActions;
}
export type EscalationRuleInput = Omit<EscalationRule, 'id'>;

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
    mutationFn: (body: Omit<TicketGroup, 'id'>) => api.post<TicketGroup>('/api/ticket-groups', body),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.groups }),
  });
}

export function useCalendars() {
  return useQuery({ queryKey: settingsKeys.calendars, queryFn: () => api.get<{ items: BusinessCalendar[] }>('/api/business-calendars').then((r) => r.items) });
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
  return useQuery({ queryKey: settingsKeys.policies, queryFn: () => api.get<{ items: SlaPolicy[] }>('/api/sla-policies').then((r) => r.items) });
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
  return useQuery({ queryKey: settingsKeys.rules, queryFn: () => api.get<{ items: EscalationRule[] }>('/api/escalation-rules').then((r) => r.items) });
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
    mutationFn: () => api.post<{ breaches: number; fired: number }>('/api/escalation-rules/run'),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}
