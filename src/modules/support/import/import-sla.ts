import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { CALENDAR_HOURS, type BusinessCalendar } from '../sla/business-calendar.js';
import {
  detectBreaches,
  onAgentPublicReply,
  onCustomerMessage,
  onStatusChange,
  startSla,
  type SlaState,
  type SlaTargets,
} from '../sla/sla-clock.js';
import { choosePolicy, type SlaConditions, type SlaTargetsByPriority, type TicketFacts } from '../sla/sla-policy-match.js';
import type { ImportedTicket } from './imported-ticket.js';

/**
 * An imported ticket's SLA, recomputed under Outpost's current policies by replaying its history
 * through the same clock functions live tickets run (sla-clock.ts): started at creation, met by
 * agents' public replies, restarted by customers' messages, stopped or paused by its final status.
 * The policies and calendars are read once per batch, not once per ticket.
 */

const NO_TARGETS: SlaTargets = { firstReplyMinutes: null, nextReplyMinutes: null, resolutionMinutes: null, businessHours: false };

interface LoadedPolicy {
  id: string;
  position: number;
  conditions: SlaConditions;
  targets: SlaTargetsByPriority;
  calendar: BusinessCalendar | null;
}

export type SlaPolicies = LoadedPolicy[];

export async function loadSlaPolicies(db: Kysely<Database>): Promise<SlaPolicies> {
  const [policies, calendars] = await Promise.all([
    db.selectFrom('sla_policies').selectAll().where('status', '=', 'active').orderBy('position').execute(),
    db.selectFrom('business_calendars').selectAll().execute(),
  ]);
  const calendarById = new Map(
    calendars.map((c) => [
      c.id,
      { timeZone: c.time_zone, weeklyHours: JSON.parse(c.weekly_hours), holidays: JSON.parse(c.holidays) } as BusinessCalendar,
    ]),
  );
  return policies.map((p) => ({
    id: p.id,
    position: Number(p.position),
    conditions: JSON.parse(p.conditions) as SlaConditions,
    targets: JSON.parse(p.targets) as SlaTargetsByPriority,
    // A policy on business hours whose calendar is gone counts calendar hours, as the live path does.
    calendar: p.calendar_id ? (calendarById.get(p.calendar_id) ?? CALENDAR_HOURS) : null,
  }));
}

/** The replayed clock of one ticket, and its policy; `now` records targets overdue by now on a ticket still open. */
export function replaySla(
  policies: SlaPolicies,
  ticket: ImportedTicket,
  segment: string,
  now: Date,
): { policyId: string | null; state: SlaState } {
  const facts: TicketFacts = { segment, priority: ticket.priority, channel: ticket.channel, tier: 'tier1', tags: ticket.tags };
  const policy = choosePolicy(policies, facts);
  const targets: SlaTargets = policy ? { ...policy.targets[ticket.priority], businessHours: policy.calendar !== null } : NO_TARGETS;
  const calendar = policy?.calendar ?? CALENDAR_HOURS;
  let state = startSla(new Date(ticket.createdAt), targets, calendar);
  for (const m of [...ticket.messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))) {
    if (m.visibility !== 'public') continue;
    const at = new Date(m.createdAt);
    if (m.author.type === 'member') state = onAgentPublicReply(state, at, targets, calendar);
    else if (m.author.type === 'contact') state = onCustomerMessage(state, at, targets, calendar);
  }
  if (ticket.status !== 'new' && ticket.status !== 'open') {
    const endedAt = new Date((ticket.status === 'solved' || ticket.status === 'closed' ? ticket.solvedAt : null) ?? ticket.updatedAt);
    state = onStatusChange(state, 'open', ticket.status, endedAt, targets, calendar);
  }
  // The breach sweep looks only at targets falling due since its last pass: an imported target
  // that fell due long ago is recorded here or never.
  if (ticket.status !== 'solved' && ticket.status !== 'closed') state = detectBreaches(state, now).state;
  return { policyId: policy?.id ?? null, state };
}
