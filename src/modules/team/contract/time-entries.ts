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
  memberId: z.string().max(64).optional().describe('Defaults to you; anyone else’s needs members.manage'),
  from: isoTime.optional().describe('Entries started at or after this time'),
  to: isoTime.optional().describe('Entries started before this time'),
  ...pageQuery,
});

export const categoryTotalsSchema = z.partialRecord(z.enum(TIME_CATEGORIES), z.number());
