import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { businessMinutesBetween } from '../sla/business-calendar.js';
import { ruleCandidates } from './escalation-candidates.read-model.js';
import { escalateTicket } from './escalation-service.js';
import { ruleMatches, type EscalationActions, type EscalationConditions } from './escalation-rules.js';
import * as repo from '../tickets/ticket-repository.js';
import { NO_DUE, slaContextOf } from '../sla/sla-service.js';
import type { Tier } from '../tables.js';

export interface RulePassResult {
  examined: number;
  fired: { ruleId: string; ticketId: string; actions: EscalationActions }[];
}

/**
 * One pass of every active escalation rule, in position order, over the unsolved tickets its tier
 * and priority filters select. A rule fires at most once per ticket per stint in a tier, so a
 * rule that only notifies does not notify again on every pass.
 */
export async function runEscalationRules(db: Kysely<Database>, now = new Date()): Promise<RulePassResult> {
  const rules = await db.selectFrom('escalation_rules').selectAll().where('status', '=', 'active').orderBy('position').execute();
  const result: RulePassResult = { examined: 0, fired: [] };
  for (const rule of rules) {
    const conditions = JSON.parse(rule.conditions) as EscalationConditions;
    const actions = JSON.parse(rule.actions) as EscalationActions;
    const candidates = await ruleCandidates(db, rule.id, conditions, now);
    for (const ticket of candidates) {
      result.examined++;
      const sla = await slaContextOf(db, ticket.sla_policy_id, ticket.priority);
      const due = ticket.sla_due_at && ticket.sla_due_at !== NO_DUE ? Date.parse(ticket.sla_due_at) : null;
      const facts = {
        tier: ticket.tier,
        priority: ticket.priority,
        segment: ticket.segment,
        status: ticket.status,
        hoursInTier: (now.getTime() - Date.parse(ticket.tier_entered_at)) / 3_600_000,
        businessHoursInTier: businessMinutesBetween(new Date(ticket.tier_entered_at), now, sla.calendar) / 60,
        slaMinutesRemaining: due === null ? null : (due - now.getTime()) / 60_000,
        reopenCount: ticket.reopen_count,
      };
      if (!ruleMatches(conditions, facts)) continue;
      await applyRule(db, { id: rule.id, name: rule.name }, ticket, actions, now);
      result.fired.push({ ruleId: rule.id, ticketId: ticket.id, actions });
    }
  }
  return result;
}

async function applyRule(
  db: Kysely<Database>,
  rule: { id: string; name: string },
  ticket: repo.TicketRow,
  actions: EscalationActions,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (actions.moveToTier && actions.moveToTier !== ticket.tier) {
    const hours = ((now.getTime() - Date.parse(ticket.tier_entered_at)) / 3_600_000).toFixed(1);
    await escalateTicket(
      db,
      SYSTEM_CONTEXT,
      ticket.id,
      {
        toTier: actions.moveToTier as Tier,
        reason: `Escalation rule "${rule.name}" matched`,
        summary: `Moved automatically after ${hours} h in ${ticket.tier}.`,
        ...(actions.assignGroupId ? { groupId: actions.assignGroupId } : {}),
      },
      rule,
    );
  } else if (actions.assignGroupId) {
    await db.updateTable('tickets').set({ group_id: actions.assignGroupId, updated_at: at }).where('id', '=', ticket.id).execute();
    await repo.recordTicketEvent(
      db,
      ticket.id,
      { type: 'rule', id: rule.id },
      'ticket.updated',
      { changes: { groupId: [ticket.group_id, actions.assignGroupId] } },
      at,
    );
  }
  if (actions.notifyRole) {
    await repo.recordTicketEvent(
      db,
      ticket.id,
      { type: 'rule', id: rule.id },
      'rule.notified',
      { role: actions.notifyRole, rule: rule.name },
      at,
    );
  }
  // Recorded against the stint the rule saw (a tier move has just started a new one).
  await db
    .insertInto('escalation_rule_firings')
    .values({ rule_id: rule.id, ticket_id: ticket.id, tier_entered_at: ticket.tier_entered_at, fired_at: at })
    .execute();
}
