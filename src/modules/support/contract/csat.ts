import { z } from 'zod';
import { CSAT_RATINGS } from './kinds.js';

export { CSAT_RATINGS } from './kinds.js';

export const rateBody = z.strictObject({
  rating: z.enum(CSAT_RATINGS, 'Rate "good" or "bad"'),
  comment: z.string().trim().max(5000).optional(),
});
export type RateInput = z.infer<typeof rateBody>;

/** What the requester's rating page may show: nothing beyond the ticket's number and subject. */
export const publicSurveySchema = z.object({
  ticket: z.object({ number: z.number(), subject: z.string() }),
  rated: z.boolean(),
  rating: z.enum(CSAT_RATINGS).nullable(),
  comment: z.string().nullable(),
  expiresAt: z.string().describe('Until then the rating can still be changed'),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const surveySchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  contactId: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable().describe('Who had the ticket when it was solved'),
  rating: z.enum(CSAT_RATINGS).nullable(),
  comment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  link: z.string().describe('The requester’s one-click rating page (path on this server)'),
});
export type CsatSurvey = z.infer<typeof surveySchema>;

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-03-02T09:30:00Z' });

export const summaryQuery = z.object({
  memberId: z.string().max(64).optional().describe('Ratings of tickets this member had when they were solved'),
  accountId: z.string().max(64).optional(),
  from: isoTime.optional().describe('Ratings given at or after this time'),
  to: isoTime.optional().describe('Ratings given before this time'),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const summarySchema = z.object({
  good: z.number(),
  bad: z.number(),
  rated: z.number(),
  score: z.number().nullable().describe('Good ratings as a percentage of all ratings (0–100, one decimal); null without ratings'),
});
