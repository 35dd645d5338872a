import { z } from 'zod';
import { SEGMENTS } from '../../accounts/index.js';
import { ROLES } from '../../identity/index.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TIERS } from '../contract/tickets.js';

/**
 * Escalation rules are data (DESIGN §3): a condition on tier, priority, segment, handling time in
 * the tier, business hours in the tier, SLA time remaining and reopen count; and actions: move
 * tier, assign group, notify a role. Every listed condition must hold.
 */
export const escalationConditionsSchema = z
  .strictObject({
    tiers: z.array(z.enum(TIERS)).min(1).optional(),
    priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
    segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
    statuses: z.array(z.enum(TICKET_STATUSES)).min(1).optional().describe('Defaults to new and open'),
    minHoursInTier: z.number().min(0).max(24 * 365).optional(),
    minBusinessHoursInTier: z.number().min(0).max(24 * 365).optional(),
    slaMinutesRemainingBelow: z.number().min(-60 * 24 * 30).max(60 * 24 * 30).optional().describe('Next SLA target due within this many minutes (negative: overdue by at least)'),
    minReopenCount: z.number().int().min(1).max(100).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'A rule needs at least one condition');
export type EscalationConditions = z.infer<typeof escalationConditionsSchema>;

export const escalationActionsSchema = z
  .strictObject({
    moveToTier: z.enum(TIERS).optional(),
    assignGroupId: z.string().max(64).optional(),
    notifyRole: z.enum(ROLES).optional(),
  })
  .refine((a) => Object.keys(a).length > 0, 'A rule needs at least one action');
export type EscalationActions = z.infer<typeof escalationActionsSchema>;

export interface EscalationFacts {
  tier: string;
  priority: string;
  segment: string;
  status: string;
  hoursInTier: number;
  businessHoursInTier: number;
  slaMinutesRemaining: number | null; // null: no active target
  reopenCount: number;
}

/** Pure: whether a rule's conditions hold for a ticket's facts. */
export function ruleMatches(c: EscalationConditions, f: EscalationFacts): boolean {
  if (c.tiers && !c.tiers.includes(f.tier as never)) return false;
  if (c.priorities && !c.priorities.includes(f.priority as never)) return false;
  if (c.segments && !c.segments.includes(f.segment as never)) return false;
  if (!(c.statuses ?? ['new', 'open']).includes(f.status as never)) return false;
  if (c.minHoursInTier !== undefined && f.hoursInTier < c.minHoursInTier) return false;
  if (c.minBusinessHoursInTier !== undefined && f.businessHoursInTier < c.minBusinessHoursInTier) return false;
  if (c.slaMinutesRemainingBelow !== undefined && (f.slaMinutesRemaining === null || f.slaMinutesRemaining >= c.slaMinutesRemainingBelow)) return false;
  if (c.minReopenCount !== undefined && f.reopenCount < c.minReopenCount) return false;
  return true;
}
