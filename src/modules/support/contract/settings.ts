import { z } from 'zod';
import { SEGMENTS } from '../../accounts/contract/kinds.js';
import { ROLES } from '../../identity/contract/roles.js';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TIERS } from './kinds.js';

/** The support desk's configuration: groups, business calendars, SLA policies and escalation rules. */

// ——— Groups ———

export const groupSchema = z.object({ id: z.string(), name: z.string(), tier: z.enum(TIERS) });
export type TicketGroup = z.infer<typeof groupSchema>;

export const createGroupBody = z.strictObject({ name: z.string().trim().min(1).max(100), tier: z.enum(TIERS) });
export type CreateGroupInput = z.infer<typeof createGroupBody>;

// ——— Business calendars (sla/business-calendar.ts measures time against them) ———

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minuteOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** luxon's `IANAZone.isValidZone`, written out so that this file needs no date library. */
function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

const clockTimeSchema = z.string().regex(CLOCK_TIME, 'Use a local time as HH:MM, from 00:00 to 24:00');

const intervalSchema = z
  .strictObject({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((i) => minuteOfDay(i.start) < minuteOfDay(i.end), { message: 'An interval must end after it starts', path: ['end'] });

const dayHoursSchema = z
  .array(intervalSchema)
  .max(48)
  .superRefine((intervals, ctx) => {
    const sorted = [...intervals].sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const after = sorted[i]!;
      if (minuteOfDay(after.start) < minuteOfDay(before.end)) {
        ctx.addIssue({
          code: 'custom',
          message: `Intervals ${before.start}–${before.end} and ${after.start}–${after.end} overlap`,
        });
      }
    }
  });

/** A time zone, weekly opening hours per ISO weekday (1 = Monday … 7 = Sunday) and holidays. */
export const calendarSchema = z.strictObject({
  timeZone: z.string().refine((zone) => isValidTimeZone(zone), 'Use an IANA time zone such as Europe/Berlin'),
  weeklyHours: z
    .strictObject({
      1: dayHoursSchema.optional(),
      2: dayHoursSchema.optional(),
      3: dayHoursSchema.optional(),
      4: dayHoursSchema.optional(),
      5: dayHoursSchema.optional(),
      6: dayHoursSchema.optional(),
      7: dayHoursSchema.optional(),
    })
    .refine(
      (week) => WEEKDAYS.some((day) => (week[day]?.length ?? 0) > 0),
      'The calendar has no business hours: give at least one weekday an interval',
    ),
  holidays: z.array(z.iso.date('Use a date as YYYY-MM-DD')).max(10_000),
});

export const calendarBody = calendarSchema.extend({ name: z.string().trim().min(1, 'Name the calendar').max(100) });
export type CalendarInput = z.input<typeof calendarBody>;

export const calendarViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weeklyHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  holidays: z.array(z.string()),
});
export type CalendarView = z.infer<typeof calendarViewSchema>;

// ——— SLA policies (sla/sla-policy-match.ts chooses one per ticket) ———

/** What a policy applies to: every listed condition must hold; an empty object matches all. */
export const slaConditionsSchema = z.strictObject({
  segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
  tags: z.array(z.string()).min(1).optional().describe('The ticket carries at least one of these tags'),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

const minutes = z
  .number()
  .min(1)
  .max(60 * 24 * 365)
  .nullable();
const target = z.strictObject({ firstReplyMinutes: minutes, nextReplyMinutes: minutes, resolutionMinutes: minutes });
export const slaTargetsSchema = z.strictObject({ low: target, normal: target, high: target, urgent: target });
export type SlaTargetsByPriority = z.infer<typeof slaTargetsSchema>;

export const policyBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the policy').max(100),
  position: z.number().int().min(0).max(10_000),
  conditions: slaConditionsSchema,
  targets: slaTargetsSchema,
  calendarId: z.string().max(64).nullable().describe('Business-hours calendar; null for calendar hours (24×7)'),
  status: z.enum(['active', 'archived']).default('active'),
});
export type PolicyInput = z.input<typeof policyBody>;

export const policyViewSchema = policyBody.extend({ id: z.string() });
export type PolicyView = z.infer<typeof policyViewSchema>;

// ——— Escalation rules (escalation/escalation-rules.ts evaluates them) ———

/**
 * Escalation rules are data (DESIGN §3): a condition on tier, priority, segment, handling time in
 * the tier, business hours in the tier, SLA time remaining and reopen count; and actions: move
 * tier, assign group, notify a role. Every listed condition must hold.
 */
const escalationConditionFields = {
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
  segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
  statuses: z.array(z.enum(TICKET_STATUSES)).min(1).optional().describe('Defaults to new and open'),
  minHoursInTier: z
    .number()
    .min(0)
    .max(24 * 365)
    .optional(),
  minBusinessHoursInTier: z
    .number()
    .min(0)
    .max(24 * 365)
    .optional(),
  slaMinutesRemainingBelow: z
    .number()
    .min(-60 * 24 * 30)
    .max(60 * 24 * 30)
    .optional()
    .describe('Next SLA target due within this many minutes (negative: overdue by at least)'),
  minReopenCount: z.number().int().min(1).max(100).optional(),
};
const escalationActionFields = {
  moveToTier: z.enum(TIERS).optional(),
  assignGroupId: z.string().max(64).optional(),
  notifyRole: z.enum(ROLES).optional(),
};

export const escalationConditionsSchema = z
  .strictObject(escalationConditionFields)
  .refine((c) => Object.keys(c).length > 0, 'A rule needs at least one condition');
export type EscalationConditions = z.infer<typeof escalationConditionsSchema>;

export const escalationActionsSchema = z
  .strictObject(escalationActionFields)
  .refine((a) => Object.keys(a).length > 0, 'A rule needs at least one action');
export type EscalationActions = z.infer<typeof escalationActionsSchema>;

export const ruleBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the rule').max(100),
  position: z.number().int().min(0).max(10_000),
  status: z.enum(['active', 'paused']).default('active'),
  conditions: escalationConditionsSchema,
  actions: escalationActionsSchema,
});
export type RuleInput = z.input<typeof ruleBody>;

/** A stored rule: its conditions and actions were checked by `ruleBody` when it was saved. */
export const ruleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  status: z.enum(['active', 'paused']),
  conditions: z.object(escalationConditionFields),
  actions: z.object(escalationActionFields),
});
export type RuleView = z.infer<typeof ruleViewSchema>;

/** One SLA sweep and one escalation-rule pass, run on demand. */
export const ruleRunResultSchema = z.object({ breaches: z.number(), fired: z.number() });
