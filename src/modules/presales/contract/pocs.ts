import { z } from 'zod';
import { ENGAGEMENT_STATUSES, POC_VERDICTS } from '../../delivery/contract/kinds.js';
import { OPPORTUNITY_STAGES, TECHNICAL_WIN_STATUSES } from './kinds.js';

/**
 * Proofs of concept tied to deals (issue 16). A PoC is a delivery engagement of kind
 * `proof_of_concept` linked to one opportunity of its own account; recording its verdict sets the
 * deal's technical win (pass → won, fail → lost with the reason; a closed deal is left as it is).
 * Win/loss compares the closed deals of a window by the verdict of their PoCs. Shared with the web app.
 */

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });

// ---------------------------------------------------------------- a deal's proofs of concept

export const opportunityPocSchema = z.object({
  id: z.string().describe('The engagement’s id (open it at /engagements/:id)'),
  name: z.string(),
  status: z.enum(ENGAGEMENT_STATUSES),
  lead: ref.nullable(),
  startDate: z.string(),
  targetGoLiveDate: z.string().nullable().describe('When the proof of concept is due to conclude'),
  actualGoLiveDate: z.string().nullable(),
  verdict: z.enum(POC_VERDICTS),
  verdictNote: z.string().nullable(),
  criteria: z.object({ pending: z.number(), pass: z.number(), fail: z.number(), total: z.number() }).describe('Success criteria by status'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OpportunityPoc = z.infer<typeof opportunityPocSchema>;

export const opportunityPocsSchema = z.object({
  opportunity: z.object({
    id: z.string(),
    name: z.string(),
    account: ref,
    stage: z.enum(OPPORTUNITY_STAGES),
    open: z.boolean(),
    technicalWin: z.enum(TECHNICAL_WIN_STATUSES),
    technicalWinReason: z.string().nullable(),
  }),
  items: z.array(opportunityPocSchema),
});
export type OpportunityPocs = z.infer<typeof opportunityPocsSchema>;

export const startPocBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the proof of concept').max(200),
  templateId: id.nullish().describe('A template whose plan the PoC starts from (a proof-of-concept template)'),
  startDate: isoDate,
  targetGoLiveDate: isoDate.nullish().describe('When it should conclude; defaults to the end of the template’s plan'),
  budgetHours: z.number().min(0, 'The budget cannot be below zero hours').max(100_000).default(0),
  leadId: id.nullish(),
  memberIds: z.array(id).max(50).optional(),
  description: z.string().trim().max(10_000).nullish(),
  criteria: z
    .array(z.string().trim().min(1, 'State what the proof of concept must show').max(1000))
    .max(50, 'At most 50 success criteria at the start; add more on the engagement')
    .default([])
    .describe('Success criteria agreed with the customer, one statement each'),
});
export type StartPocInput = z.input<typeof startPocBody>;

// ---------------------------------------------------------------- win/loss by PoC verdict

/** How a closed deal's proofs of concept ended: any passed, else any failed, else one was run without a verdict, else none. */
export const POC_OUTCOMES = ['pass', 'fail', 'pending', 'none'] as const;
export type PocOutcome = (typeof POC_OUTCOMES)[number];
export const POC_OUTCOME_LABELS: Record<PocOutcome, string> = {
  pass: 'PoC passed',
  fail: 'PoC failed',
  pending: 'PoC without a verdict',
  none: 'No PoC',
};

export const winLossQuery = z.object({
  from: isoDate.optional().describe('First day of the window (default: a year before `to`)'),
  to: isoDate.optional().describe('Last day of the window (default: today)'),
});
export type WinLossQuery = z.infer<typeof winLossQuery>;

const figure = z.object({ count: z.number(), arr: z.number() });

export const winLossRowSchema = z.object({
  won: figure,
  lost: figure,
  total: figure,
  winRate: z.number().nullable().describe('Won ÷ closed deals, in percent (one decimal); null without closed deals'),
});

export const winLossDealSchema = z.object({
  id: z.string(),
  name: z.string(),
  account: ref,
  outcome: z.enum(['won', 'lost']),
  arr: z.number(),
  closedOn: z.string().describe('The close date, or the day the deal was closed when it has none'),
  pocOutcome: z.enum(POC_OUTCOMES),
  technicalWin: z.enum(TECHNICAL_WIN_STATUSES),
  pocs: z.array(ref.extend({ verdict: z.enum(POC_VERDICTS) })),
});
export type WinLossDeal = z.infer<typeof winLossDealSchema>;

export const winLossSchema = z.object({
  from: z.string(),
  to: z.string(),
  groups: z.array(winLossRowSchema.extend({ pocOutcome: z.enum(POC_OUTCOMES) })),
  totals: winLossRowSchema,
  deals: z.array(winLossDealSchema).describe('The closed deals of the window, latest close first'),
});
export type WinLoss = z.infer<typeof winLossSchema>;
