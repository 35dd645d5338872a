import { z } from 'zod';
import { SEGMENTS } from '../../accounts/contract/kinds.js';

/** Analytics for the support manager and the delivery lead (issue 15). Days and months are UTC. */

const day = z.iso.date({ message: 'Use a calendar date as YYYY-MM-DD' });
export const ANALYTICS_TIERS = ['tier1', 'tier2', 'engineering'] as const;
export const SLA_GROUPINGS = ['policy', 'priority', 'month'] as const;
export const BACKLOG_INTERVALS = ['day', 'week'] as const;

const filterShape = {
  from: day.optional().describe('First day (inclusive); default: the first day of the month five months ago (six months with this one)'),
  to: day.optional().describe('Last day (inclusive); default: today'),
  tier: z.enum(ANALYTICS_TIERS).optional().describe("The tickets' current tier"),
  segment: z.enum(SEGMENTS).optional().describe("The accounts' segment"),
  groupId: z.string().max(64).optional().describe("The tickets' current group (support queue/team)"),
};
const periodRule = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: 'The period must start before it ends', path: ['from'] };

export const supportAnalyticsQuery = z.object(filterShape).refine(periodRule, periodMessage);
export type SupportAnalyticsQuery = z.infer<typeof supportAnalyticsQuery>;

export const SLA_ATTAINMENT_DEFINITION =
  'SLA attainment: of the SLA targets of the tickets solved in the period (first reply and resolution, each counted when the ticket’s policy sets it for the ticket’s priority), the share met — a target is met when no breach of it was recorded. Grouped by the ticket’s policy, its priority or the month it was solved.';

export const slaAttainmentQuery = z
  .object({ ...filterShape, by: z.enum(SLA_GROUPINGS).default('month') })
  .refine(periodRule, periodMessage);

const attainmentRow = z.object({
  key: z.string().describe('Policy id, priority or month (YYYY-MM)'),
  label: z.string(),
  targets: z.number(),
  met: z.number(),
  missed: z.number(),
  attainment: z.number().nullable().describe('met ÷ targets in %, one decimal; null without targets'),
  firstReplyTargets: z.number(),
  firstReplyMet: z.number(),
  resolutionTargets: z.number(),
  resolutionMet: z.number(),
});
export const slaAttainmentSchema = z
  .object({ from: day, to: day, by: z.enum(SLA_GROUPINGS), rows: z.array(attainmentRow), total: attainmentRow })
  .describe(SLA_ATTAINMENT_DEFINITION);
export type SlaAttainment = z.infer<typeof slaAttainmentSchema>;

export const RESPONSE_BUCKETS = ['< 1 h', '1–4 h', '4–8 h', '8–24 h', '1–3 d', '3–7 d', '> 7 d'] as const;
const distribution = z.object({
  count: z.number(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export const RESPONSE_HOURS = ['calendar', 'business'] as const;
export const responseTimesQuery = z
  .object({
    ...filterShape,
    hours: z
      .enum(RESPONSE_HOURS)
      .default('calendar')
      .describe("Calendar hours, or business hours: the hours the ticket's SLA policy's calendar is open"),
  })
  .refine(periodRule, periodMessage);
export type ResponseTimesQuery = z.infer<typeof responseTimesQuery>;

export const responseTimesSchema = z
  .object({
    from: day,
    to: day,
    hours: z.enum(RESPONSE_HOURS),
    buckets: z.array(z.object({ bucket: z.string(), firstReply: z.number(), resolution: z.number() })),
    firstReply: distribution,
    resolution: distribution,
  })
  .describe('Tickets created in the period: calendar hours from creation to the first public agent reply, and to solving');
export type ResponseTimes = z.infer<typeof responseTimesSchema>;

export const backlogQuery = z
  .object({ ...filterShape, interval: z.enum(BACKLOG_INTERVALS).default('day') })
  .refine(periodRule, periodMessage);
export const backlogSchema = z
  .object({ from: day, to: day, interval: z.enum(BACKLOG_INTERVALS), points: z.array(z.object({ day: z.string(), open: z.number() })) })
  .describe('Tickets open at the end of each day (or week, ending Sunday): created by then and not solved by then');
export type Backlog = z.infer<typeof backlogSchema>;

export const createdVsSolvedSchema = z
  .object({ from: day, to: day, weeks: z.array(z.object({ week: z.string(), created: z.number(), solved: z.number() })) })
  .describe('Tickets created and solved per week (weeks start Monday; the first and last may be partial)');
export type CreatedVsSolved = z.infer<typeof createdVsSolvedSchema>;

export const csatTrendSchema = z
  .object({
    from: day,
    to: day,
    months: z.array(z.object({ month: z.string(), responses: z.number(), good: z.number(), goodPercent: z.number().nullable() })),
  })
  .describe('CSAT answers per month answered: responses, good ones, % good');
export type CsatTrend = z.infer<typeof csatTrendSchema>;

export const escalationRateSchema = z
  .object({
    from: day,
    to: day,
    months: z.array(z.object({ month: z.string(), tier1: z.number(), escalated: z.number(), rate: z.number().nullable() })),
  })
  .describe('Per month of creation: tickets that started in Tier 1, those escalated from Tier 1 to Tier 2, and the rate in %');
export type EscalationRate = z.infer<typeof escalationRateSchema>;

export const analyticsGroupsSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), tier: z.string() })) });

export const deliveryAnalyticsQuery = z.object({ segment: z.enum(SEGMENTS).optional() });
const engagementRow = z.object({
  id: z.string(),
  name: z.string(),
  account: z.object({ id: z.string(), name: z.string() }),
  status: z.string(),
  budgetHours: z.number(),
  loggedHours: z.number(),
  burnPercent: z.number().nullable().describe('logged ÷ budget in %, one decimal; null without a budget'),
  targetGoLiveDate: z.string().nullable(),
  projectedGoLiveDate: z.string().nullable(),
  slipDays: z.number().nullable(),
});
export const deliveryEngagementsSchema = z
  .object({
    engagements: z.array(engagementRow),
    totals: z.object({
      engagements: z.number(),
      budgetHours: z.number(),
      loggedHours: z.number(),
      burnPercent: z.number().nullable(),
      overBudget: z.number(),
      slipping: z.number(),
      averageSlipDays: z.number().nullable().describe('Over the engagements with a target go-live'),
    }),
  })
  .describe('Live engagements (active or at risk): budget burn and schedule slip, with portfolio totals');
export type DeliveryEngagements = z.infer<typeof deliveryEngagementsSchema>;
