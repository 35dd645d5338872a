import type { EscalationConditions } from '../contract/settings.js';

/**
 * Escalation rules are data (DESIGN §3): a condition on tier, priority, segment, handling time in
 * the tier, business hours in the tier, SLA time remaining and reopen count; and actions: move
 * tier, assign group, notify a role. Every listed condition must hold. Their schemas are part of
 * the HTTP contract (shared with the web app).
 */
export {
  escalationActionsSchema,
  escalationConditionsSchema,
  type EscalationActions,
  type EscalationConditions,
} from '../contract/settings.js';

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
  if (c.slaMinutesRemainingBelow !== undefined && (f.slaMinutesRemaining === null || f.slaMinutesRemaining >= c.slaMinutesRemainingBelow))
    return false;
  if (c.minReopenCount !== undefined && f.reopenCount < c.minReopenCount) return false;
  return true;
}
