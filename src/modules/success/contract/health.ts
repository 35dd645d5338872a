import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { SEGMENTS } from '../../accounts/contract/kinds.js';
import { HEALTH_GRADES, HEALTH_METRICS } from './kinds.js';

/**
 * The health model and each account's health (DESIGN §3 "Health"): measures with weights and
 * thresholds map each metric to 0–100; score = weighted mean of the measures that have data;
 * green / yellow / red by the model's cut-offs; a manual override with reason and expiry.
 */

const ref = z.object({ id: z.string(), name: z.string() });

/**
 * One measure of a model. The metric's value maps linearly to a score: `good` (or better) scores
 * 100, `bad` (or worse) scores 0. Whichever of the two is larger says which way is better.
 */
export const healthMeasureSchema = z
  .strictObject({
    metric: z.enum(HEALTH_METRICS),
    weight: z.number().int().min(0).max(100),
    good: z.number().finite(),
    bad: z.number().finite(),
  })
  .refine((m) => m.good !== m.bad, { message: 'The good and bad thresholds must differ', path: ['bad'] });
export type HealthMeasure = z.infer<typeof healthMeasureSchema>;

export const HEALTH_SCOPES = ['default', ...SEGMENTS] as const;
export const healthModelBody = z
  .strictObject({
    measures: z
      .array(healthMeasureSchema)
      .min(1, 'A model needs at least one measure')
      .max(HEALTH_METRICS.length)
      .refine((ms) => new Set(ms.map((m) => m.metric)).size === ms.length, { message: 'Each metric may appear once' })
      .refine((ms) => ms.some((m) => m.weight > 0), { message: 'At least one measure needs a weight above 0' }),
    greenMin: z.number().int().min(1).max(100),
    yellowMin: z.number().int().min(0).max(99),
  })
  .refine((m) => m.yellowMin < m.greenMin, { message: 'Yellow must start below green', path: ['yellowMin'] });
export type HealthModelBody = z.infer<typeof healthModelBody>;

export const healthModelSchema = z.object({
  scope: z.enum(HEALTH_SCOPES).describe("'default', or the segment this model applies to"),
  measures: z.array(healthMeasureSchema),
  greenMin: z.number(),
  yellowMin: z.number(),
  updatedAt: z.string(),
});
export type HealthModel = z.infer<typeof healthModelSchema>;

/** A link to the records behind a measure: the breached tickets, the unused features, the silent weeks. */
export const evidenceSchema = z.object({ label: z.string(), href: z.string() });
export type Evidence = z.infer<typeof evidenceSchema>;

export const measureResultSchema = z.object({
  metric: z.enum(HEALTH_METRICS),
  value: z.number().nullable().describe('The metric for this account; null when there is no data (left out of the score)'),
  score: z.number().nullable().describe('0–100 by the thresholds'),
  weight: z.number(),
  pointsLost: z.number().describe('How many points of the overall score this measure cost (Σ = 100 − score)'),
  summary: z.string().describe('The figure in words, e.g. "3 SLA breaches in 30 days"'),
  evidence: z.array(evidenceSchema),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const healthOverrideSchema = z.object({
  id: z.string(),
  grade: z.enum(HEALTH_GRADES),
  reason: z.string(),
  expiresAt: z.string(),
  createdBy: ref.nullable(),
  createdAt: z.string(),
});

export const accountHealthSchema = z.object({
  accountId: z.string(),
  score: z.number().nullable(),
  grade: z.enum(HEALTH_GRADES).nullable().describe('The override’s grade while it lasts, else the computed one'),
  computedScore: z.number().nullable(),
  computedGrade: z.enum(HEALTH_GRADES).nullable(),
  scoreThirtyDaysAgo: z.number().nullable(),
  changeThirtyDays: z.number().nullable(),
  override: healthOverrideSchema.nullable(),
  modelScope: z.enum(HEALTH_SCOPES),
  drivers: z.array(measureResultSchema).describe('Measures with data, the one that cost most points first'),
  missing: z.array(z.enum(HEALTH_METRICS)).describe('Measures of the model without data for this account'),
  trend: z.array(z.object({ day: z.string(), score: z.number().nullable(), grade: z.enum(HEALTH_GRADES).nullable() })),
  computedAt: z.string().nullable(),
});
export type AccountHealth = z.infer<typeof accountHealthSchema>;

export const overrideBody = z.strictObject({
  grade: z.enum(HEALTH_GRADES),
  reason: z.string().trim().min(3, 'Say why the grade is overridden').max(1000),
  expiresAt: z.iso.datetime({ offset: true }).describe('When the computed grade shows again'),
});

export const PORTFOLIO_SORTS = ['score', 'change', 'name', 'arr', 'renewal'] as const;
export const portfolioQuery = z.object({
  ...pageQuery,
  grade: z.enum(HEALTH_GRADES).optional(),
  segment: z.enum(SEGMENTS).optional(),
  ownerId: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(PORTFOLIO_SORTS).default('score'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

export const portfolioRowSchema = z.object({
  account: z.object({ id: z.string(), name: z.string(), segment: z.enum(SEGMENTS), arr: z.number() }),
  score: z.number().nullable(),
  grade: z.enum(HEALTH_GRADES).nullable(),
  changeThirtyDays: z.number().nullable(),
  overridden: z.boolean(),
  owner: ref.nullable(),
  renewalDate: z.string().nullable(),
  topDriver: z.string().nullable().describe('The summary of the measure that cost most points'),
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const gradeDistributionSchema = z.object({
  days: z.array(z.object({ day: z.string(), green: z.number(), yellow: z.number(), red: z.number(), none: z.number() })),
});

export const gradeDistributionQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(90),
  segment: z.enum(SEGMENTS).optional(),
});
