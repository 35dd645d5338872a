import { z } from 'zod';
import { ISSUE_SEVERITIES, UAT_OUTCOMES, UAT_ROUND_STATUSES } from './kinds.js';

/**
 * Customer acceptance testing (issue 14): a UAT round on a feature request in progress, its test
 * cases, the customer contacts invited to run them, their pass / fail / comment per case, failures
 * turned into engineering issues, and the customer's sign-off. The agent side is under
 * /api/feature-requests/:id/uat-rounds and /api/uat-*; the customer's under /api/portal/uat-rounds.
 *
 * Sign-off rule: a round can be signed off when it has at least one case, every case has a result
 * from at least one invitee, and no invitee's current result is a failure. A failure is cleared by
 * the contact who recorded it recording a pass after re-testing (turning it into an engineering
 * issue does not clear it: the customer accepts what works, not what is promised).
 */

const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });

// ---------------------------------------------------------------- requests

export const uatCaseInput = z.strictObject({
  title: z.string().trim().min(1, 'Give the test case a title').max(200),
  steps: z.string().trim().min(1, 'Write the steps the tester follows').max(10_000),
  expected: z.string().trim().min(1, 'Say what the tester should see').max(5_000),
});
export type UatCaseInput = z.input<typeof uatCaseInput>;

export const createRoundBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the round a title').max(200),
  accountId: id.describe('The customer account whose contacts test'),
  cases: z.array(uatCaseInput).max(100, 'A round holds at most 100 cases').default([]),
  contactIds: z.array(id).max(50, 'Invite at most 50 contacts at once').default([]).describe('Contacts of the account to invite'),
});
export type CreateRoundInput = z.input<typeof createRoundBody>;

export const updateCaseBody = z
  .strictObject({
    title: uatCaseInput.shape.title.optional(),
    steps: uatCaseInput.shape.steps.optional(),
    expected: uatCaseInput.shape.expected.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Send at least one of title, steps, expected' });
export type UpdateCaseInput = z.input<typeof updateCaseBody>;

export const reorderCasesBody = z.strictObject({
  caseIds: z.array(id).min(1).max(100).describe('Every case of the round, once each, in the new order'),
});

export const inviteBody = z.strictObject({
  contactIds: z.array(id).min(1, 'Pick at least one contact').max(50, 'Invite at most 50 contacts at once'),
});

export const issueFromResultBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional().describe('Defaults to “UAT: <case> fails for <account>”'),
  severity: z.enum(ISSUE_SEVERITIES).default('medium'),
});
export type IssueFromResultInput = z.input<typeof issueFromResultBody>;

export const portalResultBody = z
  .strictObject({
    outcome: z.enum(UAT_OUTCOMES),
    comment: z.string().trim().max(5_000).nullish(),
  })
  // A failure is only actionable with what the tester saw: it becomes the engineering issue's "actual".
  .superRefine((b, ctx) => {
    if (b.outcome === 'fail' && !b.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what happened instead, so the team can reproduce it' });
    }
  });
export type PortalResultInput = z.input<typeof portalResultBody>;

export const signOffBody = z.strictObject({
  name: z.string().trim().min(2, 'Type your full name to sign off').max(200),
});

// ---------------------------------------------------------------- responses

const engineeringIssueRef = z.object({ id: z.string(), key: z.string(), status: z.string() });

export const uatResultSchema = z.object({
  id: z.string(),
  contact: ref,
  outcome: z.enum(UAT_OUTCOMES),
  comment: z.string().nullable(),
  recordedAt: z.string(),
  engineeringIssue: engineeringIssueRef.nullable(),
});
export type UatResult = z.infer<typeof uatResultSchema>;

const caseCounts = z.object({
  pass: z.number(),
  fail: z.number(),
  waiting: z.number().describe('Invitees with no result on this case yet'),
});

export const uatCaseSchema = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  steps: z.string(),
  expected: z.string(),
  counts: caseCounts,
  results: z.array(uatResultSchema),
});
export type UatCase = z.infer<typeof uatCaseSchema>;

export const signOffSchema = z.object({ contact: ref.nullable(), name: z.string(), at: z.string() });

export const signOffReadinessSchema = z.object({
  ready: z.boolean(),
  untestedCases: z.array(ref.extend({ position: z.number() })).describe('Cases nobody has recorded a result on'),
  failingCases: z.array(ref.extend({ position: z.number() })).describe('Cases with a standing failure'),
  reason: z.string().nullable().describe('Why it cannot be signed off yet, as a person reads it'),
});
export type SignOffReadiness = z.infer<typeof signOffReadinessSchema>;

export const uatRoundSummarySchema = z.object({
  id: z.string(),
  requestId: z.string(),
  title: z.string(),
  status: z.enum(UAT_ROUND_STATUSES),
  account: ref,
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: z.object({
    cases: z.number(),
    invitees: z.number(),
    passedCases: z.number().describe('Cases with results, all of them passes'),
    failingCases: z.number(),
    untestedCases: z.number(),
  }),
  signOff: signOffSchema.nullable(),
});
export type UatRoundSummary = z.infer<typeof uatRoundSummarySchema>;

export const uatFailureSchema = z.object({
  resultId: z.string(),
  case: ref.extend({ position: z.number() }),
  contact: ref,
  comment: z.string().nullable(),
  recordedAt: z.string(),
  engineeringIssue: engineeringIssueRef.nullable(),
});

export const uatRoundSchema = uatRoundSummarySchema.extend({
  request: z.object({ id: z.string(), title: z.string(), status: z.string() }),
  cases: z.array(uatCaseSchema),
  invitees: z.array(z.object({ contact: ref.extend({ email: z.string() }), invitedAt: z.string(), resultCount: z.number() })),
  failures: z.array(uatFailureSchema).describe('Standing failures, case by case'),
  readiness: signOffReadinessSchema,
});
export type UatRound = z.infer<typeof uatRoundSchema>;

// ---------------------------------------------------------------- portal

const yourResult = z.object({ outcome: z.enum(UAT_OUTCOMES), comment: z.string().nullable(), recordedAt: z.string() });

export const portalUatRoundSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(UAT_ROUND_STATUSES),
  invitedAt: z.string(),
  caseCount: z.number(),
  yourResultCount: z.number().describe('Cases you have recorded a result on'),
  signOff: z.object({ name: z.string(), at: z.string() }).nullable(),
});
export type PortalUatRoundSummary = z.infer<typeof portalUatRoundSummarySchema>;

export const portalUatRoundSchema = portalUatRoundSummarySchema.extend({
  cases: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      title: z.string(),
      steps: z.string(),
      expected: z.string(),
      yourResult: yourResult.nullable(),
      // Colleagues of the same account testing the same round: their outcomes decide sign-off too.
      colleagues: z.array(z.object({ name: z.string(), outcome: z.enum(UAT_OUTCOMES), comment: z.string().nullable() })),
    }),
  ),
  readiness: signOffReadinessSchema,
});
export type PortalUatRound = z.infer<typeof portalUatRoundSchema>;

export const issueFromResultResponse = z.object({
  issue: engineeringIssueRef.extend({ title: z.string() }),
  round: uatRoundSchema,
});
