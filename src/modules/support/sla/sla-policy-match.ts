import type { SlaConditions } from '../contract/settings.js';

// The policy schemas are part of the HTTP contract (shared with the web app).
export { slaConditionsSchema, slaTargetsSchema, type SlaConditions, type SlaTargetsByPriority } from '../contract/settings.js';

export interface TicketFacts {
  segment: string;
  priority: string;
  channel: string;
  tier: string;
  tags: readonly string[];
}

export function conditionsMatch(c: SlaConditions, t: TicketFacts): boolean {
  if (c.segments && !c.segments.includes(t.segment as never)) return false;
  if (c.priorities && !c.priorities.includes(t.priority as never)) return false;
  if (c.channels && !c.channels.includes(t.channel as never)) return false;
  if (c.tiers && !c.tiers.includes(t.tier as never)) return false;
  if (c.tags && !c.tags.some((tag) => t.tags.includes(tag))) return false;
  return true;
}

/** DESIGN §3: the first policy by position whose conditions match wins. */
export function choosePolicy<P extends { position: number; conditions: SlaConditions }>(policies: readonly P[], t: TicketFacts): P | null {
  return [...policies].sort((a, b) => a.position - b.position).find((p) => conditionsMatch(p.conditions, t)) ?? null;
}
