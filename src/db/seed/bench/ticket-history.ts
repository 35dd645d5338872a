import type { BusinessCalendar } from '../../../modules/support/index.js';
import { addBusinessMinutes, CALENDAR_HOURS } from '../../../modules/support/index.js';
import {
  breachesAdded,
  detectBreaches,
  onAgentPublicReply,
  onCustomerMessage,
  onStatusChange,
  startSla,
  type SlaState,
  type SlaTargets,
} from '../../../modules/support/index.js';
import { choosePolicy, type SlaConditions, type SlaTargetsByPriority } from '../../../modules/support/index.js';
import { slaColumns } from '../../../modules/support/index.js';
import type {
  EscalationRuleFiringsTable,
  EscalationsTable,
  TicketMessagesTable,
  TicketPriority,
  TicketsTable,
  TicketStatus,
  Tier,
} from '../../../modules/support/index.js';
import type { SeededRandom } from '../random.js';
import { seededUuidV7 } from './deterministic-ids.js';
import { AGENT_REPLIES, CUSTOMER_FOLLOW_UPS, ENVIRONMENTS, INTERNAL_NOTES, PRODUCTS, PROBLEMS, VERSIONS } from './vocabulary.js';

export interface BenchPolicy {
  id: string;
  position: number;
  conditions: SlaConditions;
  targets: SlaTargetsByPriority;
  calendar_id: string | null;
}

export interface HistoryContext {
  now: number;
  /** The last SLA sweep and escalation-rule pass the dataset pretends ran (an hour before `now`). */
  lastPassAt: number;
  rnd: SeededRandom;
  idRnd: SeededRandom;
  policies: BenchPolicy[];
  calendars: Map<string, BusinessCalendar>;
  groups: Record<Tier, string>;
  tier1: string[];
  tier2: string[];
  offScriptRule: { id: string; name: string; minBusinessHours: number };
  nearBreachRule: {
    id: string;
    name: string;
    minutes: number;
    priorities: readonly TicketPriority[];
    segments: readonly string[];
    role: string;
  };
}

export interface TicketEventRow {
  ticket_id: string;
  at: string;
  actor_type: 'member' | 'token' | 'contact' | 'system' | 'rule';
  actor_id: string | null;
  type: string;
  data: string;
}

export interface TicketHistory {
  ticket: TicketsTable;
  tags: { ticket_id: string; tag: string }[];
  messages: TicketMessagesTable[];
  events: TicketEventRow[];
  escalations: EscalationsTable[];
  firings: EscalationRuleFiringsTable[];
}

const PRIORITIES: TicketPriority[] = ['low', 'normal', 'normal', 'normal', 'normal', 'high', 'high', 'urgent'];
const CHANNELS = ['email', 'email', 'email', 'portal', 'portal', 'web', 'phone', 'api'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The status a ticket ends in, by its age: recent work is open, old work is closed. */
function finalStatus(rnd: SeededRandom, ageMs: number): TicketStatus {
  const r = rnd.next();
  if (ageMs < 2 * DAY) return r < 0.3 ? 'new' : r < 0.8 ? 'open' : r < 0.9 ? 'pending' : 'solved';
  if (ageMs < 30 * DAY) return r < 0.25 ? 'open' : r < 0.4 ? 'pending' : r < 0.45 ? 'on_hold' : r < 0.9 ? 'solved' : 'closed';
  return r < 0.015 ? 'open' : r < 0.025 ? 'pending' : r < 0.03 ? 'on_hold' : r < 0.05 ? 'solved' : 'closed';
}

/**
 * One ticket's whole life, as the rows the services would have written along the way: creation
 * (SLA chosen and started), a first reply, maybe an escalation, a customer follow-up and a final
 * reply that sets the end status, closing a week after solving, the breaches the sweep recorded
 * and the escalation rules' firings up to the last pass. The SLA state is run through the same
 * clock functions the services call, so the stored state is the one they would have stored.
 */
export function buildTicketHistory(
  ctx: HistoryContext,
  input: { number: number; createdMs: number; account: { id: string; segment: string }; contactId: string },
): TicketHistory {
  const { rnd } = ctx;
  const createdMs = input.createdMs;
  const created = new Date(createdMs);
  const id = seededUuidV7(ctx.idRnd, createdMs);
  const problem = rnd.pick(PROBLEMS);
  const product = rnd.pick(PRODUCTS);
  const environment = rnd.pick(ENVIRONMENTS);
  const version = rnd.pick(VERSIONS);
  const errorCode = `E${rnd.int(1000, 9999)}`;
  const subject = `${problem.subject} (${product})`;
  const priority = rnd.pick(PRIORITIES);
  const channel = rnd.pick(CHANNELS);
  const tags = [...new Set([...problem.tags, product.toLowerCase()])];
  const policy = choosePolicy(ctx.policies, { segment: input.account.segment, priority, channel, tier: 'tier1', tags } as never);
  const targets: SlaTargets = policy
    ? { ...policy.targets[priority], businessHours: policy.calendar_id !== null }
    : { firstReplyMinutes: null, nextReplyMinutes: null, resolutionMinutes: null, businessHours: false };
  const calendar = policy?.calendar_id ? (ctx.calendars.get(policy.calendar_id) ?? CALENDAR_HOURS) : CALENDAR_HOURS;

  const messages: TicketMessagesTable[] = [];
  const events: TicketEventRow[] = [];
  const escalations: EscalationsTable[] = [];
  const firings: EscalationRuleFiringsTable[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const event = (
    at: number,
    actor: { type: TicketEventRow['actor_type']; id: string | null },
    type: string,
    data: Record<string, unknown>,
  ) => events.push({ ticket_id: id, at: iso(at), actor_type: actor.type, actor_id: actor.id, type, data: JSON.stringify(data) });
  const message = (at: number, m: Pick<TicketMessagesTable, 'visibility' | 'author_type' | 'author_id' | 'body' | 'via'>) => {
    const messageId = seededUuidV7(ctx.idRnd, at);
    messages.push({ id: messageId, ticket_id: id, ...m, email_message_id: null, created_at: iso(at) });
    return messageId;
  };
  const breachEvents = (before: SlaState, after: SlaState, at: number) => {
    for (const target of breachesAdded(before, after)) event(at, { type: 'system', id: null }, 'sla.breached', { target });
  };

  let state = startSla(created, targets, calendar);
  let status = 'new' as TicketStatus;
  let tier: Tier = 'tier1';
  let tierEnteredAt = createdMs;
  let groupId: string | null = null;
  let assigneeId: string | null = null;
  let updatedAt = createdMs;
  let solvedAt: number | null = null;
  let closedAt: number | null = null;
  let reopenCount = 0;
  const setStatus = (to: TicketStatus, at: number) => {
    if (to === status) return;
    const before = state;
    state = onStatusChange(state, status, to, new Date(at), targets, calendar);
    breachEvents(before, state, at);
    if ((status === 'solved' || status === 'closed') && to !== 'solved' && to !== 'closed') {
      reopenCount++;
      solvedAt = null;
      closedAt = null;
    }
    if (to === 'solved') solvedAt = at;
    if (to === 'closed') closedAt = at;
    status = to;
  };

  const customerVia = channel === 'email' ? 'email' : channel === 'portal' ? 'portal' : 'web';
  const requesterActs = channel === 'email' || channel === 'portal';
  const opener = rnd.pick(ctx.tier1);
  const description = `${problem.body} We run ${product} ${version} in ${environment}; the error code is ${errorCode}.`;
  message(createdMs, { visibility: 'public', author_type: 'contact', author_id: input.contactId, body: description, via: customerVia });
  event(createdMs, requesterActs ? { type: 'contact', id: input.contactId } : { type: 'member', id: opener }, 'ticket.created', {
    subject,
    priority,
    channel,
    slaPolicyId: policy?.id ?? null,
  });

  const ageMs = ctx.now - createdMs;
  const target = finalStatus(rnd, ageMs);
  // How long this case took (or has taken so far): minutes to a couple of weeks, never past now.
  const spanMs = Math.min(ageMs - MINUTE, rnd.int(30, 60 * 24 * 14) * MINUTE);
  const step = (fraction: number) => createdMs + Math.max(1, Math.floor(spanMs * fraction));

  if (target !== 'new' && spanMs > 5 * MINUTE) {
    // First public reply by a Tier 1 engineer: meets the first-reply target, opens and assigns.
    const agent = opener;
    const t1 = step(0.1);
    const before = state;
    state = onAgentPublicReply(state, new Date(t1), targets, calendar);
    breachEvents(before, state, t1);
    setStatus('open', t1);
    assigneeId = agent;
    const replyId = message(t1, {
      visibility: 'public',
      author_type: 'member',
      author_id: agent,
      body: rnd.pick(AGENT_REPLIES),
      via: 'web',
    });
    event(t1, { type: 'member', id: agent }, 'message.replied', { messageId: replyId, status: 'open' });
    updatedAt = t1;

    // A quarter of the cases go to Tier 2 (a few to engineering), with a note on what was tried.
    if (rnd.chance(0.25)) {
      const t2 = step(0.3);
      const noteId = message(t2, {
        visibility: 'internal',
        author_type: 'member',
        author_id: agent,
        body: rnd.pick(INTERNAL_NOTES),
        via: 'web',
      });
      event(t2, { type: 'member', id: agent }, 'message.noted', { messageId: noteId, status });
      const toTier: Tier = rnd.chance(0.15) ? 'engineering' : 'tier2';
      const escalationId = seededUuidV7(ctx.idRnd, t2);
      const reason = toTier === 'engineering' ? 'Needs a code fix' : 'Needs access to server-side logs';
      escalations.push({
        id: escalationId,
        ticket_id: id,
        from_tier: tier,
        to_tier: toTier,
        actor_type: 'member',
        actor_id: agent,
        rule_id: null,
        reason,
        summary: 'Reproduced; configuration and network checked.',
        engineering_link: toTier === 'engineering' ? `https://issues.example.com/ENG-${rnd.int(1000, 99999)}` : null,
        at: iso(t2),
      });
      event(t2, { type: 'member', id: agent }, 'ticket.escalated', { escalationId, from: tier, to: toTier, reason, ruleId: null });
      tier = toTier;
      tierEnteredAt = t2;
      groupId = ctx.groups[toTier];
      assigneeId = rnd.pick(ctx.tier2);
      updatedAt = t2;
    }

    if (rnd.chance(0.7)) {
      const t3 = step(0.55);
      const messageId = message(t3, {
        visibility: 'public',
        author_type: 'contact',
        author_id: input.contactId,
        body: `${rnd.pick(CUSTOMER_FOLLOW_UPS)} (${errorCode})`,
        via: customerVia,
      });
      const before = state;
      state = onCustomerMessage(state, new Date(t3), targets, calendar);
      breachEvents(before, state, t3);
      event(t3, { type: 'contact', id: input.contactId }, 'message.received', { messageId, via: customerVia, status });
      updatedAt = t3;
    }

    // The last word: a public reply that sets the end status, or a note while the work goes on.
    const t4 = step(0.85);
    const worker = assigneeId ?? agent;
    if (target === 'open' || target === 'on_hold') {
      const noteId = message(t4, {
        visibility: 'internal',
        author_type: 'member',
        author_id: worker,
        body: rnd.pick(INTERNAL_NOTES),
        via: 'web',
      });
      setStatus(target, t4);
      event(t4, { type: 'member', id: worker }, 'message.noted', { messageId: noteId, status });
    } else {
      const replyId = message(t4, {
        visibility: 'public',
        author_type: 'member',
        author_id: worker,
        body: rnd.pick(AGENT_REPLIES),
        via: 'web',
      });
      const before = state;
      state = onAgentPublicReply(state, new Date(t4), targets, calendar);
      breachEvents(before, state, t4);
      setStatus(target === 'closed' ? 'solved' : target, t4);
      event(t4, { type: 'member', id: worker }, 'message.replied', { messageId: replyId, status });
    }
    updatedAt = t4;
    if (target === 'closed') {
      const t5 = Math.min(t4 + 7 * DAY, ctx.now - MINUTE);
      setStatus('closed', t5);
      event(t5, { type: 'system', id: null }, 'ticket.updated', { changes: { status: ['solved', 'closed'] } });
      updatedAt = t5;
    }
  }

  const unsolved = status !== 'solved' && status !== 'closed';
  if (unsolved) {
    // The escalation rule "Tier 1 case off script": it moved every open Tier 1 case whose business
    // hours in the tier crossed its threshold before the last pass.
    if (status === 'open' && tier === 'tier1') {
      const crossing = addBusinessMinutes(new Date(tierEnteredAt), ctx.offScriptRule.minBusinessHours * 60, calendar).getTime();
      const firedAt = Math.max(crossing, updatedAt + MINUTE);
      if (firedAt <= ctx.lastPassAt) {
        const rule = ctx.offScriptRule;
        const escalationId = seededUuidV7(ctx.idRnd, firedAt);
        const reason = `Escalation rule "${rule.name}" matched`;
        escalations.push({
          id: escalationId,
          ticket_id: id,
          from_tier: 'tier1',
          to_tier: 'tier2',
          actor_type: 'rule',
          actor_id: null,
          rule_id: rule.id,
          reason,
          summary: `Moved automatically after ${((firedAt - tierEnteredAt) / 3_600_000).toFixed(1)} h in tier1.`,
          engineering_link: null,
          at: iso(firedAt),
        });
        event(firedAt, { type: 'rule', id: rule.id }, 'ticket.escalated', {
          escalationId,
          from: 'tier1',
          to: 'tier2',
          reason,
          ruleId: rule.id,
        });
        event(firedAt, { type: 'rule', id: rule.id }, 'rule.notified', { role: 'support_tier2', rule: rule.name });
        firings.push({ rule_id: rule.id, ticket_id: id, tier_entered_at: iso(tierEnteredAt), fired_at: iso(firedAt) });
        tier = 'tier2';
        tierEnteredAt = firedAt;
        groupId = ctx.groups.tier2;
        assigneeId = null;
        updatedAt = firedAt;
      }
    }
    // Breaches the sweep recorded up to its last pass; later ones are left for the next sweep.
    const swept = detectBreaches(state, new Date(ctx.lastPassAt));
    for (const metric of swept.newBreaches) {
      const due = metric === 'first_reply' ? state.firstReplyDueAt : metric === 'next_reply' ? state.nextReplyDueAt : state.resolutionDueAt;
      event(Date.parse(due!), { type: 'system', id: null }, 'sla.breached', { target: metric });
    }
    state = swept.state;
  }

  const columns = slaColumns(state);
  if (unsolved && (status === 'new' || status === 'open')) {
    // The notify rule for urgent cases close to a breach, fired once per stint in the tier.
    const rule = ctx.nearBreachRule;
    const due = state.firstReplyDueAt || state.nextReplyDueAt || state.resolutionDueAt ? Date.parse(columns.sla_due_at!) : null;
    if (due !== null && rule.priorities.includes(priority) && rule.segments.includes(input.account.segment)) {
      const firedAt = Math.max(due - rule.minutes * MINUTE, tierEnteredAt + MINUTE);
      if (firedAt <= ctx.lastPassAt) {
        event(firedAt, { type: 'rule', id: rule.id }, 'rule.notified', { role: rule.role, rule: rule.name });
        firings.push({ rule_id: rule.id, ticket_id: id, tier_entered_at: iso(tierEnteredAt), fired_at: iso(firedAt) });
      }
    }
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    ticket: {
      id,
      number: input.number,
      subject,
      type: null,
      status,
      priority,
      tier,
      group_id: groupId,
      assignee_id: assigneeId,
      requester_id: input.contactId,
      account_id: input.account.id,
      channel,
      deployment_id: null,
      engineering_link: escalations.find((e) => e.engineering_link)?.engineering_link ?? null,
      reopen_count: reopenCount,
      tier_entered_at: iso(tierEnteredAt),
      sla_policy_id: policy?.id ?? null,
      ...columns,
      created_at: iso(createdMs),
      updated_at: iso(updatedAt),
      solved_at: solvedAt === null ? null : iso(solvedAt),
      closed_at: closedAt === null ? null : iso(closedAt),
    },
    tags: tags.map((tag) => ({ ticket_id: id, tag })).sort((a, b) => (a.tag < b.tag ? -1 : 1)),
    messages,
    events,
    escalations,
    firings,
  };
}
