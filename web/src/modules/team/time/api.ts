import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from '../../../lib/api-client';
import type {
  copyWeekBody,
  copyWeekResult,
  TimeEntry,
  TimeEntryInput,
  TimeEntryPatch,
  TimesheetRow,
  TimesheetWeek,
} from '../../../../../src/modules/team/contract/time-entries';
import { TIME_CATEGORIES, TIME_LINK_FIELDS } from '../../../../../src/modules/team/contract/time-entries';

// Shapes of the time API: src/modules/team/contract/time-entries.ts.
export type { TimeEntry, TimeEntryInput, TimeEntryPatch, TimesheetRow, TimesheetWeek };
export type TimeCategory = TimesheetRow['category'];
export type RowLinks = TimesheetRow['links'];
export type CopyWeekInput = z.input<typeof copyWeekBody>;
export type CopyWeekResult = z.infer<typeof copyWeekResult>;
export { TIME_CATEGORIES, TIME_LINK_FIELDS };

export const CATEGORY_LABELS: Record<TimeCategory, string> = {
  engineering: 'Engineering',
  routine: 'Routine',
  customer: 'Customer',
  management: 'Management',
  internal: 'Internal',
};

export const CATEGORY_HELP: Record<TimeCategory, string> = {
  engineering: 'Hands-on technical work: building, configuring, troubleshooting off script, code, a PoC',
  routine: 'Scripted or routine work',
  customer: 'Meetings, workshops, training delivered, business reviews',
  management: 'Managing people or projects',
  internal: 'Internal meetings, admin, learning',
};

export const timeKeys = {
  all: ['time'] as const,
  week: (weekStart: string, memberId: string | null) => ['time', 'week', weekStart, memberId] as const,
};

export function useTimesheetWeek(weekStart: string, memberId: string | null) {
  return useQuery({
    queryKey: timeKeys.week(weekStart, memberId),
    queryFn: () => api.get<TimesheetWeek>('/api/time-entries/week', { weekStart, memberId }),
    placeholderData: keepPreviousData,
  });
}

// Time shows on tickets, engagements and tasks too: refresh them with the timesheet.
function useRefreshTime() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: timeKeys.all });
}

export function useLogTime() {
  const refresh = useRefreshTime();
  return useMutation({ mutationFn: (body: TimeEntryInput) => api.post<TimeEntry>('/api/time-entries', body), onSuccess: refresh });
}

export function useUpdateTime() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TimeEntryPatch }) => api.patch<TimeEntry>(`/api/time-entries/${id}`, patch),
    onSuccess: refresh,
  });
}

export function useDeleteTime() {
  const refresh = useRefreshTime();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/time-entries/${id}`), onSuccess: refresh });
}

export function useCopyWeek() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (body: CopyWeekInput) => api.post<CopyWeekResult>('/api/time-entries/copy-week', body),
    onSuccess: refresh,
  });
}

export function exportUrl(format: 'csv' | 'xlsx', from: string, to: string, memberId: string | null): string {
  return withQuery('/api/time-entries/export', { format, from, to, memberId });
}
