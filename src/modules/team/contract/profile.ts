import { z } from 'zod';
import { TIME_CATEGORIES } from './time-entries.js';

/**
 * The role profile (DESIGN §3, issue 17): whether a member works as a customer-facing engineer over
 * a period, from their time, the interactions they attended and the accounts they serve. Both
 * conditions must hold; the thresholds are data (`roleProfileRulesSchema`), editable by an admin.
 */
export const roleProfileRulesSchema = z.strictObject({
  handsOnThreshold: z.number().min(0.01).max(1).describe('Hands-on share needed for condition 1, as a fraction (0.5 = 50 %)'),
  minWeeks: z.number().int().min(1).max(52).describe('Distinct weeks with contact an account needs to count as a deep relationship'),
  minSpanDays: z.number().int().min(1).max(365).describe('Days between the first and last contact a deep relationship spans at least'),
  defaultPeriodDays: z.number().int().min(7).max(366).describe('The period a profile covers when none is given'),
});
export type RoleProfileRules = z.infer<typeof roleProfileRulesSchema>;

export const DEFAULT_ROLE_PROFILE_RULES: RoleProfileRules = { handsOnThreshold: 0.5, minWeeks: 6, minSpanDays: 60, defaultPeriodDays: 90 };

export const deepRelationshipSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  weeks: z.number().describe('Distinct ISO weeks with an interaction attended or customer-linked time'),
  firstDate: z.string().describe('YYYY-MM-DD'),
  lastDate: z.string().describe('YYYY-MM-DD'),
});

export const VERDICTS = ['customer_facing_engineer', 'not_customer_facing_engineer'] as const;

export const memberProfileSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  roles: z.array(z.string()),
  from: z.string().describe('YYYY-MM-DD, inclusive'),
  to: z.string().describe('YYYY-MM-DD, inclusive'),
  totalMinutes: z.number(),
  minutesByCategory: z.record(z.enum(TIME_CATEGORIES), z.number()),
  handsOnShare: z.number().nullable().describe('engineering ÷ all logged minutes, 0..1; null when nothing was logged'),
  deepRelationships: z.array(deepRelationshipSchema),
  /** Accounts with contact in the period that fell short of a deep relationship, and why: the evidence near the line. */
  otherRelationships: z.array(deepRelationshipSchema.extend({ reason: z.string() })),
  conditions: z.object({ handsOn: z.boolean(), deepRelationship: z.boolean() }),
  verdict: z.enum(VERDICTS),
  reasons: z.array(z.string()).describe('The verdict in words, with the figures'),
  nearestRole: z.object({ role: z.string(), label: z.string(), why: z.string() }).nullable(),
  rules: roleProfileRulesSchema,
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

const day = z.iso.date({ message: 'Use a date such as 2026-03-02' });
export const profileQuery = z.object({
  from: day.optional().describe('Defaults to the rules’ period before `to`'),
  to: day.optional().describe('Defaults to today'),
});
