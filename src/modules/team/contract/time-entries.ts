import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';

/**
 * DESIGN §1: the categories separate hands-on technical work from scripted routine work,
 * customer time, management and internal work, so the team view can tell who works as a
 * customer-facing engineer.
 */
export const TIME_CATEGORIES = ['engineering', 'routine', 'customer', 'management', 'internal'] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

export const timeEntrySchema = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  minutes: z.number(),
  category: z.enum(TIME_CATEGORIES),
  ticketId: z.string().nullable(),
  engagementId: z.string().nullable(),
  accountId: z.string().nullable(),
  taskId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  interactionId: z.string().nullable(),
  billable: z.boolean(),
  note: z.string().nullable(),
  startedAt: z.string(),
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-03-02T09:30:00Z' });

/** Work on a ticket is either scripted (routine) or hands-on technical work (engineering). */
export const ticketTimeBody = z.strictObject({
  minutes: z
    .number()
    .int('Log whole minutes')
    .min(1, 'Log at least one minute')
    .max(24 * 60, 'One entry covers at most 24 hours'),
  category: z.enum(
    ['routine', 'engineering'],
    'On a ticket, time is "routine" (by the script) or "engineering" (hands-on troubleshooting)',
  ),
  note: z.string().trim().max(2000).optional(),
  startedAt: isoTime.optional().describe('When the work started; defaults to now minus the minutes'),
});
export type TicketTimeInput = z.infer<typeof ticketTimeBody>;

export const timeEntryListQuery = z.object({
  memberId: z.string().max(64).optional().describe('Defaults to you; anyone else’s needs time.manage'),
  from: isoTime.optional().describe('Entries started at or after this time'),
  to: isoTime.optional().describe('Entries started before this time'),
  ...pageQuery,
});

export const categoryTotalsSchema = z.partialRecord(z.enum(TIME_CATEGORIES), z.number());

/** The records an entry may link to, in the order the timesheet names them. */
export const TIME_LINK_FIELDS = ['accountId', 'engagementId', 'taskId', 'ticketId', 'opportunityId', 'interactionId'] as const;
export type TimeLinkField = (typeof TIME_LINK_FIELDS)[number];

const isoDate = z.iso.date('Use a date such as 2026-03-02');
const minutes = z
  .number()
  .int('Log whole minutes')
  .min(1, 'Log at least one minute')
  .max(24 * 60, 'One entry covers at most 24 hours');
const linkId = z.string().trim().min(1).max(64).nullable().optional();
const links = {
  ticketId: linkId,
  engagementId: linkId,
  taskId: linkId,
  accountId: linkId,
  opportunityId: linkId,
  interactionId: linkId,
};

/** Time on anything (issue 17): any member, any category, optionally linked to the work it went to. */
export const timeEntryBody = z
  .strictObject({
    memberId: z.string().max(64).optional().describe('Whose time; defaults to you, anyone else needs time.manage'),
    minutes,
    category: z.enum(TIME_CATEGORIES, `Pick a category: ${TIME_CATEGORIES.join(', ')}`),
    date: isoDate.optional().describe('The day worked (in the member’s time zone); or give startedAt'),
    startedAt: isoTime.optional().describe('When the work started; or give date'),
    billable: z.boolean().optional().describe('Defaults to true on an engagement, false otherwise'),
    note: z.string().trim().max(2000).optional(),
    ...links,
  })
  .refine((b) => !(b.date && b.startedAt), { message: 'Give either "date" or "startedAt", not both', path: ['date'] });
export type TimeEntryInput = z.infer<typeof timeEntryBody>;

export const timeEntryPatchBody = z
  .strictObject({
    minutes: minutes.optional(),
    category: z.enum(TIME_CATEGORIES, `Pick a category: ${TIME_CATEGORIES.join(', ')}`).optional(),
    date: isoDate.optional(),
    startedAt: isoTime.optional(),
    billable: z.boolean().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    ...links,
  })
  .refine((b) => !(b.date && b.startedAt), { message: 'Give either "date" or "startedAt", not both', path: ['date'] });
export type TimeEntryPatch = z.infer<typeof timeEntryPatchBody>;

export const weekQuery = z.object({
  weekStart: isoDate.optional().describe('Any day of the week (its Monday is used); defaults to this week'),
  memberId: z.string().max(64).optional().describe('Defaults to you; anyone else’s needs time.manage'),
});

const linkIds = z.object({
  ticketId: z.string().nullable(),
  engagementId: z.string().nullable(),
  taskId: z.string().nullable(),
  accountId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  interactionId: z.string().nullable(),
});

export const timesheetCellSchema = z.object({ date: z.string(), minutes: z.number(), entryIds: z.array(z.string()) });

export const timesheetRowSchema = z.object({
  key: z.string().describe('Category and links: the row the timesheet shows'),
  category: z.enum(TIME_CATEGORIES),
  billable: z.boolean(),
  links: linkIds,
  labels: z.partialRecord(z.enum(TIME_LINK_FIELDS), z.string()).describe('What each link is called, where it still exists'),
  cells: z.array(timesheetCellSchema).length(7),
  totalMinutes: z.number(),
});

export const timesheetWeekSchema = z.object({
  member: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  weekStart: z.string(),
  days: z.array(z.string()).length(7),
  rows: z.array(timesheetRowSchema),
  dayTotals: z.array(z.number()).length(7),
  totalMinutes: z.number(),
  capacityHours: z.number().describe('The member’s weekly capacity'),
});
export type TimesheetWeek = z.infer<typeof timesheetWeekSchema>;
export type TimesheetRow = z.infer<typeof timesheetRowSchema>;

export const copyWeekBody = z.strictObject({
  fromWeekStart: isoDate,
  toWeekStart: isoDate,
  memberId: z.string().max(64).optional().describe('Defaults to you; anyone else’s needs time.manage'),
});

export const copyWeekResult = z.object({ copied: z.number(), weekStart: z.string() });

export const timeExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  from: isoDate.describe('First day, inclusive'),
  to: isoDate.describe('Last day, inclusive'),
  memberId: z.string().max(64).optional().describe('Defaults to you; anyone else’s needs time.manage'),
});
