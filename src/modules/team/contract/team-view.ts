import { z } from 'zod';
import { roleSchema, teamName } from './members.js';
import { VERDICTS } from './profile.js';
import { TIME_CATEGORIES } from './time-entries.js';

/**
 * The team view (issue 17): where a team's time goes — per person, minutes by category against
 * their capacity, the billable share for professional services, and the role profile's verdict —
 * and the team's mix quarter by quarter.
 */

const day = z.iso.date({ message: 'Use a date such as 2026-03-02' });

/** The longest period the view covers: a year, leap day included. */
export const MAX_TEAM_VIEW_DAYS = 366;
export const DEFAULT_TEAM_VIEW_DAYS = 90;

const filters = {
  role: roleSchema.optional().describe('Only members with this role'),
  team: teamName.min(1).optional().describe('Only members of this team (exact name)'),
};

export const timeSummaryQuery = z.object({
  from: day.optional().describe(`First day (inclusive, UTC); default: ${DEFAULT_TEAM_VIEW_DAYS} days up to \`to\``),
  to: day.optional().describe('Last day (inclusive, UTC); default: today'),
  ...filters,
});
export type TimeSummaryQuery = z.infer<typeof timeSummaryQuery>;

const minutesByCategory = z.record(z.enum(TIME_CATEGORIES), z.number());

export const memberTimeSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  roles: z.array(roleSchema),
  team: z.string().nullable(),
  status: z.enum(['active', 'invited', 'disabled']),
  minutesByCategory,
  totalMinutes: z.number(),
  capacityMinutes: z.number().describe('Weekly capacity pro-rated to the member’s working days in the period'),
  utilisation: z.number().nullable().describe('Logged ÷ capacity (1 = 100 %); null without capacity'),
  billableMinutes: z.number(),
  billableShare: z
    .number()
    .nullable()
    .describe('Billable ÷ logged minutes, for professional-services members; null for others or when nothing was logged'),
  verdict: z.enum(VERDICTS).nullable().describe('The role profile’s verdict; null while profiles cannot be computed'),
  nearestRole: z.object({ role: z.string(), label: z.string() }).nullable(),
});
export type MemberTime = z.infer<typeof memberTimeSchema>;

export const timeSummarySchema = z.object({
  from: day,
  to: day,
  members: z.array(memberTimeSchema).describe('By name'),
  totals: z.object({
    members: z.number(),
    minutesByCategory,
    totalMinutes: z.number(),
    capacityMinutes: z.number(),
    utilisation: z.number().nullable(),
    billableMinutes: z.number(),
    billableShare: z.number().nullable().describe('Billable ÷ logged minutes over everyone shown'),
    customerFacingEngineers: z.number().describe('Members whose verdict is customer-facing engineer'),
  }),
});
export type TimeSummary = z.infer<typeof timeSummarySchema>;

export const timeTrendQuery = z.object({
  quarters: z.coerce.number().int().min(1).max(12).default(4).describe('Calendar quarters up to and including this one'),
  ...filters,
});
export type TimeTrendQuery = z.infer<typeof timeTrendQuery>;

export const timeTrendSchema = z.object({
  quarters: z
    .array(
      z.object({
        quarter: z.string().describe('e.g. 2026-Q3'),
        from: day,
        to: day,
        minutesByCategory,
        totalMinutes: z.number(),
        engineeringShare: z.number().nullable().describe('engineering ÷ logged minutes; null when nothing was logged'),
      }),
    )
    .describe('Oldest first; the last is the quarter in progress'),
});
export type TimeTrend = z.infer<typeof timeTrendSchema>;
