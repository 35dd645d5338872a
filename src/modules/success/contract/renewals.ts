import { z } from 'zod';
import { SEGMENTS } from '../../accounts/contract/kinds.js';

/**
 * Renewals (issue 15): the date and ARR are the account's; the forecast and its note are the
 * success module's; the risk is worked out (health, forecast, open blocker feedback). Shared with the web app.
 */

export const RENEWAL_FORECASTS = ['commit', 'likely', 'at_risk'] as const;
export type RenewalForecast = (typeof RENEWAL_FORECASTS)[number];
export const RENEWAL_FORECAST_LABELS: Record<RenewalForecast, string> = { commit: 'Commit', likely: 'Likely', at_risk: 'At risk' };
export const RENEWAL_RISKS = ['low', 'medium', 'high'] as const;
export const RENEWAL_RISK_LABELS: Record<(typeof RENEWAL_RISKS)[number], string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');

export const accountRenewalSchema = z.object({
  accountId: z.string(),
  renewalDate: z.string().nullable(),
  arr: z.number(),
  forecast: z.enum(RENEWAL_FORECASTS).nullable(),
  note: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  risk: z.enum(RENEWAL_RISKS),
  reasons: z.array(z.string()).describe('Each risk factor in words'),
});
export type AccountRenewal = z.infer<typeof accountRenewalSchema>;

export const setRenewalBody = z.strictObject({
  forecast: z.enum(RENEWAL_FORECASTS, { message: 'Pick a forecast: commit, likely or at_risk' }),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type SetRenewalInput = z.input<typeof setRenewalBody>;

export const renewalListQuery = z
  .strictObject({
    from: isoDate.optional().describe('First renewal date (default: the start of this quarter)'),
    to: isoDate.optional().describe('Last renewal date (default: the end of the fourth quarter from now)'),
    segment: z.enum(SEGMENTS).optional(),
    ownerId: z.string().max(64).optional().describe('The account owner (TAM, else CSE)'),
    forecast: z
      .enum([...RENEWAL_FORECASTS, 'none'])
      .optional()
      .describe('"none": no forecast set yet'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['to'] });

export const renewalItemSchema = z.object({
  account: z.object({ id: z.string(), name: z.string(), segment: z.string() }),
  renewalDate: z.string(),
  arr: z.number(),
  forecast: z.enum(RENEWAL_FORECASTS).nullable(),
  note: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  risk: z.enum(RENEWAL_RISKS),
  reasons: z.array(z.string()),
});
export type RenewalItem = z.infer<typeof renewalItemSchema>;

export const renewalQuarterSchema = z.object({
  label: z.string().describe('"Q1 2027"'),
  from: z.string(),
  to: z.string(),
  totals: z.object({ all: z.number(), commit: z.number(), likely: z.number(), at_risk: z.number(), none: z.number() }),
  items: z.array(renewalItemSchema),
});
export type RenewalQuarter = z.infer<typeof renewalQuarterSchema>;
export const renewalBoardSchema = z.object({ from: z.string(), to: z.string(), quarters: z.array(renewalQuarterSchema) });
export type RenewalBoard = z.infer<typeof renewalBoardSchema>;
