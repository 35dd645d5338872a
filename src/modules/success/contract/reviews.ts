import { z } from 'zod';
import { HEALTH_GRADES } from './kinds.js';

/**
 * Business reviews (issue 15): generated for an account and a period from live data, with
 * editable Markdown sections, exported to PDF and shared with chosen contacts in the portal.
 * Shared with the web app.
 */

export const REVIEW_STATUSES = ['draft', 'sent'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The editable sections, in the order a review reads. The charts and tables are generated, not edited. */
export const REVIEW_SECTION_KEYS = ['summary', 'wins', 'risks', 'next_steps'] as const;
export type ReviewSectionKey = (typeof REVIEW_SECTION_KEYS)[number];
export const REVIEW_SECTION_TITLES: Record<ReviewSectionKey, string> = {
  summary: 'Executive summary',
  wins: 'Wins',
  risks: 'Risks and asks',
  next_steps: 'Next steps',
};

/** A review covers at most a year. */
export const MAX_REVIEW_DAYS = 366;

/** Chart captions: the PDF and the web page say the same. */
export const REVIEW_CHART_CAPTIONS = {
  ticketsByPriority: 'Tickets by priority',
  healthTrend: 'Health score over the period',
  adoption: 'Feature adoption: events in the last 30 days',
} as const;

const day = z.iso.date({ message: 'Use a date such as 2026-10-01' });

export const createReviewBody = z.strictObject({
  periodStart: day,
  periodEnd: day,
  title: z.string().trim().min(1, 'Give the review a title').max(200).optional(),
});
export type CreateReviewInput = z.infer<typeof createReviewBody>;

export const reviewSectionSchema = z.object({
  key: z.enum(REVIEW_SECTION_KEYS),
  title: z.string(),
  markdown: z.string(),
});
export type ReviewSection = z.infer<typeof reviewSectionSchema>;

export const updateReviewBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the review a title').max(200).optional(),
  sections: z
    .array(
      z.strictObject({
        key: z.enum(REVIEW_SECTION_KEYS),
        title: z.string().trim().min(1, 'Give the section a title').max(120).optional(),
        markdown: z.string().max(20_000, 'At most 20,000 characters per section'),
      }),
    )
    .max(REVIEW_SECTION_KEYS.length)
    .optional()
    .describe('The sections to change, by key; sections not named keep their text'),
});
export type UpdateReviewInput = z.infer<typeof updateReviewBody>;

export const sendReviewBody = z.strictObject({
  contactIds: z.array(z.string().max(64)).min(1, 'Pick at least one contact').max(20, 'Send to at most 20 contacts at once'),
});
export type SendReviewInput = z.infer<typeof sendReviewBody>;

const count = z.number().int();

export const reviewDataSchema = z.object({
  account: z.object({ id: z.string(), name: z.string(), segment: z.string() }),
  generatedAt: z.string(),
  health: z.object({
    score: z.number().nullable(),
    grade: z.enum(HEALTH_GRADES).nullable(),
    changeThirtyDays: z.number().nullable(),
    scoreAtStart: z.number().nullable().describe('The first snapshot score in the period'),
    scoreAtEnd: z.number().nullable().describe('The last snapshot score in the period'),
    trend: z.array(z.object({ day: z.string(), score: z.number().nullable() })),
  }),
  sla: z.object({
    ticketsWithTargets: count,
    ticketsMet: count,
    attainment: z.number().nullable().describe('Tickets with every target met ÷ tickets with targets, %; null without targeted tickets'),
  }),
  tickets: z.object({
    total: count,
    solved: count,
    open: count,
    byPriority: z.array(z.object({ priority: z.string(), count })),
    byTag: z.array(z.object({ tag: z.string(), count })),
    topIssues: z.array(z.object({ label: z.string(), count })).describe('The most frequent tags, or subjects when untagged'),
    longestOpen: z.array(z.object({ id: z.string(), number: count, subject: z.string(), daysOpen: count })),
  }),
  engagements: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      status: z.string(),
      percentDone: z.number().nullable(),
      startDate: z.string(),
      targetGoLiveDate: z.string().nullable(),
      actualGoLiveDate: z.string().nullable(),
      daysToValue: z.number().nullable().describe('Days from the start to go-live; null before go-live'),
    }),
  ),
  environments: z.array(z.object({ name: z.string(), version: z.string(), behind: count })),
  adoption: z.object({
    seats: z.number().nullable(),
    activeUsers: z.number(),
    seatUtilisation: z.number().nullable(),
    featureAdoption: z.number().nullable(),
    activeUserTrend: z.number().nullable(),
    features: z.array(z.object({ feature: z.string(), used: z.boolean(), events: count })),
  }),
  feedbackShipped: z.array(z.object({ id: z.string(), title: z.string(), shippedAt: z.string() })),
  plans: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        progress: z.number().nullable(),
        objectives: z.array(
          z.object({ title: z.string(), status: z.string(), dueOn: z.string().nullable(), progress: z.number().nullable() }),
        ),
      }),
    )
    .nullable()
    .describe('Success plans; null when the plans module answered nothing'),
  renewal: z
    .object({
      renewalDate: z.string().nullable(),
      arr: z.number(),
      forecast: z.string().nullable(),
      risk: z.string(),
      reasons: z.array(z.string()),
    })
    .nullable(),
});
export type ReviewData = z.infer<typeof reviewDataSchema>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const businessReviewSummarySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(REVIEW_STATUSES),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type BusinessReviewSummary = z.infer<typeof businessReviewSummarySchema>;

export const businessReviewSchema = businessReviewSummarySchema.extend({
  accountName: z.string(),
  data: reviewDataSchema,
  sections: z.array(reviewSectionSchema),
  createdBy: person,
  updatedAt: z.string(),
  sentBy: person,
  recipients: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), sharedAt: z.string() })),
});
export type BusinessReview = z.infer<typeof businessReviewSchema>;

export const businessReviewListSchema = z.object({ items: z.array(businessReviewSummarySchema) });
export type BusinessReviewList = z.infer<typeof businessReviewListSchema>;

/** What a customer contact sees in the portal: no internal names, no recipients list. */
export const portalBusinessReviewSchema = businessReviewSummarySchema
  .omit({ status: true, createdAt: true })
  .extend({ accountName: z.string(), data: reviewDataSchema, sections: z.array(reviewSectionSchema) });
export type PortalBusinessReview = z.infer<typeof portalBusinessReviewSchema>;
export const portalBusinessReviewListSchema = z.object({
  items: z.array(businessReviewSummarySchema.omit({ status: true, createdAt: true })),
});
export type PortalBusinessReviewList = z.infer<typeof portalBusinessReviewListSchema>;
