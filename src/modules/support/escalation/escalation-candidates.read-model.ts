/**
 * Read model: tickets ⋈ accounts (accounts belong to the accounts module), for the segment.
 *
 * Why one join across owners: a rule pass reads every unsolved ticket a rule's tier, priority and
 * segment conditions select, over the whole desk (tens of thousands of tickets at 1M). The segment
 * condition filters in the same indexed scan; asking the accounts module for the segments instead
 * would mean either an `in` list of every account of a segment or a segment read for every
 * candidate ticket, only to drop most of them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EscalationConditions } from './escalation-rules.js';

/** The tickets a rule's conditions select in SQL, with their account's segment, that it has not fired on in their current stint in the tier. */
export function ruleCandidates(db: Kysely<Database>, ruleId: string, conditions: EscalationConditions, now: Date) {
  let q = db
    .selectFrom('tickets')
    .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
    .selectAll('tickets')
    .select('accounts.segment')
    .where('tickets.status', 'in', conditions.statuses ?? ['new', 'open'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('escalation_rule_firings')
            .select('escalation_rule_firings.rule_id')
            .where('escalation_rule_firings.rule_id', '=', ruleId)
            .whereRef('escalation_rule_firings.ticket_id', '=', 'tickets.id')
            .whereRef('escalation_rule_firings.tier_entered_at', '=', 'tickets.tier_entered_at'),
        ),
      ),
    );
  if (conditions.tiers) q = q.where('tickets.tier', 'in', conditions.tiers);
  if (conditions.priorities) q = q.where('tickets.priority', 'in', conditions.priorities);
  if (conditions.segments) q = q.where('accounts.segment', 'in', conditions.segments);
  if (conditions.minHoursInTier !== undefined)
    q = q.where('tickets.tier_entered_at', '<=', new Date(now.getTime() - conditions.minHoursInTier * 3_600_000).toISOString());
  if (conditions.minReopenCount !== undefined) q = q.where('tickets.reopen_count', '>=', conditions.minReopenCount);
  if (conditions.slaMinutesRemainingBelow !== undefined)
    q = q.where('tickets.sla_due_at', '<', new Date(now.getTime() + conditions.slaMinutesRemainingBelow * 60_000).toISOString());
  return q.execute();
}
