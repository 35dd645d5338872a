import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { ISSUE_STATUSES, MEETING_KINDS, REQUEST_STATUSES } from './kinds.js';

/**
 * Internal cross-functional meetings (issue 14): a product review or an engineering sync, who was
 * there, and the feature requests and engineering issues it discussed.
 */

const id = z.string().trim().min(1).max(64);
const ids = z.array(id).max(50);
const ref = z.object({ id: z.string(), name: z.string() });

export const meetingSchema = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldAt: z.string(),
  notes: z.string(),
  attendees: z.array(ref),
  featureRequests: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(REQUEST_STATUSES) })),
  engineeringIssues: z.array(z.object({ id: z.string(), key: z.string(), title: z.string(), status: z.enum(ISSUE_STATUSES) })),
  createdBy: ref.nullable(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingPageSchema = z.object({ items: z.array(meetingSchema), nextCursor: z.string().nullable() });

export const meetingListQuery = z.object({
  kind: z.enum(MEETING_KINDS).optional(),
  ...pageQuery,
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const createMeetingBody = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  title: z.string().trim().min(1, 'Give the meeting a title').max(200),
  heldAt: z.iso.datetime({ offset: true, message: 'Give the time as an ISO date-time, e.g. 2026-03-10T09:00:00Z' }),
  notes: z.string().trim().max(20_000).default(''),
  attendeeIds: ids.default([]),
  featureRequestIds: ids.default([]),
  engineeringIssueIds: ids.default([]),
});
export type CreateMeetingInput = z.input<typeof createMeetingBody>;

export const updateMeetingBody = z
  .strictObject({
    kind: z.enum(MEETING_KINDS).optional(),
    title: z.string().trim().min(1, 'Give the meeting a title').max(200).optional(),
    heldAt: z.iso.datetime({ offset: true, message: 'Give the time as an ISO date-time, e.g. 2026-03-10T09:00:00Z' }).optional(),
    notes: z.string().trim().max(20_000).optional(),
    attendeeIds: ids.optional().describe('Replaces the attendees'),
    featureRequestIds: ids.optional().describe('Replaces the linked feature requests'),
    engineeringIssueIds: ids.optional().describe('Replaces the linked engineering issues'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change');
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
