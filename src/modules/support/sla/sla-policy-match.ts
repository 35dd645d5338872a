import { z } from 'zod';
import { SEGMENTS } from '../../accounts/index.js';
import { CHANNELS, TICKET_PRIORITIES, TIERS } from '../contract/tickets.js';

/** What a policy applies to: every listed condition must hold; an empty object matches all. */
export const slaConditionsSchema = z.strictObject({
  segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
  tags: z.array(z.string()).min(1).optional().describe('The ticket carries at least one of these tags'),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

const minutes = z.number().min(1).max(60 * 24 * 365).nullable();
const target = z.strictObject({ firstReplyMinutes: minutes, nextReplyMinutes: minutes, resolutionMinutes: minutes });
export const slaTargetsSchema = z.strictObject({ low: target, normal: target, high: target, urgent: target });
export type SlaTargetsByPriority = z.infer<typeof slaTargetsSchema>;

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
