import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import {
  CRITERION_STATUSES,
  OVERALL_STATUSES,
  POC_VERDICTS,
  REPORT_STATUSES,
  TRAINING_AUDIENCES,
  TRAINING_STATUSES,
  VISIT_STATUSES,
} from './kinds.js';

/**
 * Status reports, POC criteria, training sessions and field visits (issue 5). JSON is camelCase,
 * dates `YYYY-MM-DD`, timestamps ISO; the screens take their types from these schemas (web/src/modules/delivery/records/api.ts).
 */

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-03-02T09:30:00Z' });
const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });
const webUrl = z.url({ protocol: /^https?$/, message: 'Use a web address starting with http:// or https://' }).max(2000);

/** Whether `end` is before `start` (both YYYY-MM-DD or both ISO times compare as text). */
function endsBeforeStart(start: string | undefined | null, end: string | undefined | null): boolean {
  return !!start && !!end && end < start;
}

// ---------------------------------------------------------------- status reports

const markdown = z.string().max(20_000);

export const reportSectionsSchema = z.object({
  summary: z.string(),
  done: z.string(),
  next: z.string(),
  risks: z.string(),
  decisions: z.string(),
  budget: z.string(),
  milestones: z.string(),
});
export type ReportSections = z.infer<typeof reportSectionsSchema>;

const taskLine = z.object({ id: z.string(), title: z.string(), dueDate: z.string(), owner: z.string().nullable() });

export const reportFiguresSchema = z.object({
  asOf: z.string().describe('The day the report looks from: the period end, or today when the period has not ended'),
  engagementStatus: z.string(),
  tasks: z.object({ done: z.number(), total: z.number(), doneInPeriod: z.number(), overdue: z.number(), blocked: z.number() }),
  progressPercent: z.number().nullable(),
  budget: z.object({
    budgetHours: z.number(),
    loggedHoursInPeriod: z.number(),
    loggedHoursToDate: z.number(),
    remainingHours: z.number(),
    burnPercent: z.number().nullable(),
  }),
  schedule: z.object({
    targetGoLiveDate: z.string().nullable(),
    projectedGoLiveDate: z.string().nullable(),
    slipDays: z.number().nullable(),
  }),
  done: z.array(taskLine.extend({ completedAt: z.string() })),
  next: z.array(taskLine),
  overdue: z.array(taskLine),
  blocked: z.array(taskLine.extend({ blockedBy: z.array(z.string()) })),
  decisions: z.array(taskLine.extend({ reason: z.enum(['blocks_others', 'overdue']) })),
  milestonesReached: z.array(z.object({ id: z.string(), title: z.string(), completedAt: z.string() })),
  milestonesUpcoming: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string() })),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const recipientSchema = z.object({
  contact: z.object({ id: z.string(), name: z.string() }),
  email: z.string(),
  sentAt: z.string(),
  sentBy: ref.nullable(),
});

export const statusReportSummarySchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  overallStatus: z.enum(OVERALL_STATUSES),
  suggestedStatus: z.enum(OVERALL_STATUSES).describe('What the data said when the report was generated'),
  status: z.enum(REPORT_STATUSES),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable().describe('When it was first sent'),
  recipientCount: z.number(),
});
export type StatusReportSummary = z.infer<typeof statusReportSummarySchema>;

export const statusReportSchema = statusReportSummarySchema.extend({
  sections: reportSectionsSchema,
  figures: reportFiguresSchema,
  recipients: z.array(recipientSchema),
});
export type StatusReport = z.infer<typeof statusReportSchema>;

export const generateReportBody = z
  .strictObject({
    periodStart: isoDate,
    periodEnd: isoDate,
    title: z.string().trim().min(1, 'Give the report a title').max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if (endsBeforeStart(b.periodStart, b.periodEnd))
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The period ends before it starts' });
    else if (Date.parse(b.periodEnd) - Date.parse(b.periodStart) > 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'A report covers at most a year' });
  });
export type GenerateReportInput = z.infer<typeof generateReportBody>;

export const updateReportBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the report a title').max(200).optional(),
  overallStatus: z.enum(OVERALL_STATUSES).optional(),
  sections: z
    .strictObject({
      summary: markdown.optional(),
      done: markdown.optional(),
      next: markdown.optional(),
      risks: markdown.optional(),
      decisions: markdown.optional(),
      budget: markdown.optional(),
      milestones: markdown.optional(),
    })
    .optional(),
});
export type UpdateReportInput = z.infer<typeof updateReportBody>;

export const sendReportBody = z.strictObject({
  contactIds: z.array(id).min(1, 'Choose at least one contact to send the report to').max(50),
});

// ---------------------------------------------------------------- proof of concept

const ownerInput = z.strictObject({ type: z.enum(['member', 'contact'], 'An owner is a "member" or a "contact"'), id });

export const criterionSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  position: z.number(),
  statement: z.string(),
  owner: z.object({ type: z.enum(['member', 'contact']), id: z.string(), name: z.string() }).nullable(),
  status: z.enum(CRITERION_STATUSES),
  evidence: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const pocSchema = z.object({
  engagementId: z.string(),
  opportunity: z
    .object({
      id: z.string(),
      name: z.string(),
      technicalWin: z.string().describe('The deal’s technical win: not_started, in_progress, won or lost'),
    })
    .nullable()
    .describe('The sales opportunity this proof of concept serves; its verdict sets the technical win'),
  criteria: z.array(criterionSchema),
  counts: z.object({ pending: z.number(), pass: z.number(), fail: z.number() }),
  verdict: z.enum(POC_VERDICTS),
  verdictNote: z.string().nullable(),
  suggestedVerdict: z.enum(POC_VERDICTS).describe('From the criteria: any fail → fail, all pass → pass, else pending'),
});
export type Poc = z.infer<typeof pocSchema>;

export const createCriterionBody = z.strictObject({
  statement: z.string().trim().min(1, 'State what the proof of concept must show').max(1000),
  owner: ownerInput.nullish(),
  status: z.enum(CRITERION_STATUSES).optional(),
  evidence: z.string().trim().max(10_000).nullish(),
  evidenceUrl: webUrl.nullish(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateCriterionInput = z.infer<typeof createCriterionBody>;

export const updateCriterionBody = z.strictObject({
  statement: createCriterionBody.shape.statement.optional(),
  owner: ownerInput.nullish(),
  status: z.enum(CRITERION_STATUSES).optional(),
  evidence: createCriterionBody.shape.evidence,
  evidenceUrl: createCriterionBody.shape.evidenceUrl,
  position: createCriterionBody.shape.position,
});
export type UpdateCriterionInput = z.infer<typeof updateCriterionBody>;

export const verdictBody = z.strictObject({
  verdict: z.enum(POC_VERDICTS, 'The verdict is "pending", "pass" or "fail"'),
  note: z.string().trim().max(5000).nullish(),
});
export type VerdictInput = z.infer<typeof verdictBody>;

// ---------------------------------------------------------------- training sessions

const material = z.strictObject({ title: z.string().trim().min(1, 'Give the material a title').max(200), url: webUrl });

export const trainingSessionSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  engagement: ref.nullable(),
  topic: z.string(),
  audience: z.enum(TRAINING_AUDIENCES),
  scheduledAt: z.string(),
  durationMinutes: z.number(),
  trainer: ref.nullable(),
  materials: z.array(z.object({ title: z.string(), url: z.string() })),
  notes: z.string().nullable(),
  status: z.enum(TRAINING_STATUSES),
  deliveredAt: z.string().nullable(),
  interactionId: z.string().nullable().describe('The account-timeline entry written when the session was delivered'),
  attendees: z.array(
    z.object({
      contact: ref,
      rating: z.number().nullable(),
      comment: z.string().nullable(),
      feedbackAt: z.string().nullable(),
      feedbackBy: ref.nullable().describe('The member who recorded it; null when the attendee gave it in the portal'),
    }),
  ),
  feedback: z.object({ count: z.number(), averageRating: z.number().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

export const createTrainingBody = z.strictObject({
  topic: z.string().trim().min(1, 'Say what the training covers').max(300),
  audience: z.enum(TRAINING_AUDIENCES, 'The audience is "end_users" or "it_admins"'),
  scheduledAt: isoTime,
  durationMinutes: z
    .number()
    .int('Use whole minutes')
    .min(15, 'A session lasts at least 15 minutes')
    .max(60 * 24 * 5, 'A session lasts at most five days'),
  trainerId: id.nullish(),
  engagementId: id.nullish(),
  contactIds: z.array(id).max(200).default([]),
  materials: z.array(material).max(50).default([]),
  notes: z.string().trim().max(10_000).nullish(),
});
export type CreateTrainingInput = z.infer<typeof createTrainingBody>;

export const updateTrainingBody = z.strictObject({
  topic: createTrainingBody.shape.topic.optional(),
  audience: createTrainingBody.shape.audience.optional(),
  scheduledAt: isoTime.optional(),
  durationMinutes: createTrainingBody.shape.durationMinutes.optional(),
  trainerId: id.nullish(),
  engagementId: id.nullish(),
  contactIds: z.array(id).max(200).optional(),
  materials: z.array(material).max(50).optional(),
  notes: createTrainingBody.shape.notes,
  status: z.enum(TRAINING_STATUSES).optional().describe('"delivered" puts the session on the account’s timeline; it is final'),
});
export type UpdateTrainingInput = z.infer<typeof updateTrainingBody>;

export const feedbackBody = z.strictObject({
  rating: z.number().int('Rate with a whole number').min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5'),
  comment: z.string().trim().max(5000).nullish(),
});
export type FeedbackInput = z.infer<typeof feedbackBody>;

export const accountRecordsQuery = z.object({
  engagementId: z.string().max(64).optional().describe('Only those of this engagement'),
  ...pageQuery,
});

// ---------------------------------------------------------------- field visits

/** Visits across accounts, soonest first: a field engineer's week. */
export const fieldVisitListQuery = z.object({
  engineerId: z.string().max(64).optional().describe('"me" or a member id: only the visits this engineer makes'),
  from: isoDate.optional().describe('Visit date on or after'),
  to: isoDate.optional().describe('Visit date on or before'),
  ...pageQuery,
});
export type FieldVisitListQuery = z.infer<typeof fieldVisitListQuery>;

const checklistItem = z.strictObject({
  label: z.string().trim().min(1, 'Give the checklist item a label').max(300),
  done: z.boolean().default(false),
});

export const fieldVisitSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  engagement: ref.nullable(),
  visitDate: z.string(),
  siteAddress: z.string(),
  purpose: z.string(),
  engineer: ref.nullable(),
  checklist: z.array(z.object({ label: z.string(), done: z.boolean() })),
  report: z.string().nullable(),
  status: z.enum(VISIT_STATUSES),
  completedAt: z.string().nullable(),
  interactionId: z.string().nullable().describe('The account-timeline entry written when the visit was completed'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FieldVisit = z.infer<typeof fieldVisitSchema>;

export const createVisitBody = z.strictObject({
  visitDate: isoDate,
  siteAddress: z.string().trim().min(1, 'Enter the site address').max(500),
  purpose: z.string().trim().min(1, 'Say what the visit is for').max(1000),
  engineerId: id.nullish(),
  engagementId: id.nullish(),
  checklist: z.array(checklistItem).max(100).default([]),
  report: markdown.nullish(),
});
export type CreateVisitInput = z.infer<typeof createVisitBody>;

export const updateVisitBody = z.strictObject({
  visitDate: isoDate.optional(),
  siteAddress: createVisitBody.shape.siteAddress.optional(),
  purpose: createVisitBody.shape.purpose.optional(),
  engineerId: id.nullish(),
  engagementId: id.nullish(),
  checklist: z.array(checklistItem).max(100).optional(),
  report: markdown.nullish(),
  status: z.enum(VISIT_STATUSES).optional().describe('"completed" puts the visit on the account’s timeline; it is final'),
});
export type UpdateVisitInput = z.infer<typeof updateVisitBody>;

// ---------------------------------------------------------------- portal

export const portalTrainingSessionSchema = z.object({
  id: z.string(),
  topic: z.string(),
  audience: z.enum(TRAINING_AUDIENCES),
  scheduledAt: z.string(),
  durationMinutes: z.number(),
  trainer: z.object({ name: z.string() }).nullable(),
  materials: z.array(z.object({ title: z.string(), url: z.string() })),
  status: z.enum(['scheduled', 'delivered']),
  yourFeedback: z.object({ rating: z.number(), comment: z.string().nullable() }).nullable(),
});
export type PortalTrainingSession = z.infer<typeof portalTrainingSessionSchema>;
