import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountTeamsOf } from '../../accounts/index.js';
import { notifyMembers } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';
import type { PlaybookParams } from '../contract/playbooks.js';
import type { PlaybookRulesTable } from '../tables.js';
import { conditionMet, type AccountFacts } from './conditions.js';
import { loadRuleFacts } from './rule-facts.js';

export const TASK_ASSIGNED_NOTIFICATION = 'success.task_assigned';

type RuleRow = Selectable<PlaybookRulesTable>;

/** The key that holds one open task per rule and account (success_tasks.open_key is UNIQUE). */
export const openKeyOf = (ruleId: string, accountId: string) => `${ruleId}:${accountId}`;

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

export function addDaysToDate(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Firing {
  rule: RuleRow;
  facts: AccountFacts;
  reason: string;
}

/**
 * Evaluates every enabled playbook rule over every account (or `accountIds`) and creates a task
 * for each rule and matching account that has none open. Called by the success pass after health
 * is refreshed; safe to run on several nodes at once (the open-task key is unique in the database).
 *
 * @example const { fired } = await evaluatePlaybooks(db, new Date());
 */
export async function evaluatePlaybooks(db: Kysely<Database>, now: Date, accountIds?: readonly string[]): Promise<{ fired: number }> {
  const rules = await db.selectFrom('playbook_rules').selectAll().where('enabled', '=', 1).execute();
  return evaluateRules(db, now, rules, { accountIds });
}

/** Evaluates one rule now over every account, enabled or not ("Run now"): the firings are the admin's act. */
export async function runRuleNow(db: Kysely<Database>, ctx: ChangeContext, rule: RuleRow, now: Date): Promise<{ fired: number }> {
  return evaluateRules(db, now, [rule], { ctx });
}

async function evaluateRules(
  db: Kysely<Database>,
  now: Date,
  rules: RuleRow[],
  options: { accountIds?: readonly string[]; ctx?: ChangeContext },
): Promise<{ fired: number }> {
  if (rules.length === 0) return { fired: 0 };
  const today = todayOf(now);
  const parsed = rules.map((rule) => ({ rule, params: JSON.parse(rule.params) as PlaybookParams }));
  const renewalDays = parsed.filter((r) => r.rule.trigger === 'renewal_within').map((r) => r.params.days ?? 0);
  const onboarding = rules.some((r) => r.trigger === 'onboarding_late');
  const facts = await loadRuleFacts(db, today, renewalDays.length ? Math.max(...renewalDays) : null, options.accountIds, { onboarding });

  // The tasks already open for these rules: one grouped read, so a rule that keeps firing on an
  // account with an open task costs nothing more. The unique key still decides under concurrency.
  const open = new Set<string>();
  const ruleIds = rules.map((r) => r.id);
  const openRows = await db
    .selectFrom('success_tasks')
    .select('open_key')
    .where('rule_id', 'in', ruleIds)
    .where('status', '=', 'open')
    .execute();
  for (const row of openRows) if (row.open_key) open.add(row.open_key);

  const firings: Firing[] = [];
  for (const { rule, params } of parsed) {
    for (const f of facts) {
      if (open.has(openKeyOf(rule.id, f.accountId))) continue;
      const reason = conditionMet({ trigger: rule.trigger, params }, f, today);
      if (reason) firings.push({ rule, facts: f, reason });
    }
  }
  if (firings.length === 0) return { fired: 0 };

  // The account teams of the accounts a rule fired on (new firings only, so few after the first pass).
  const teams = new Map<string, { role: string; memberId: string }[]>();
  const firingAccounts = [...new Set(firings.map((f) => f.facts.accountId))];
  for (let i = 0; i < firingAccounts.length; i += 1000)
    for (const [accountId, slots] of await accountTeamsOf(db, firingAccounts.slice(i, i + 1000))) teams.set(accountId, slots);
  const members = await memberRefs(
    db,
    [...teams.values()].flat().map((s) => s.memberId),
  );

  const ctx = options.ctx ?? SYSTEM_CONTEXT;
  let fired = 0;
  for (const firing of firings) {
    const holder = teams.get(firing.facts.accountId)?.find((s) => s.role === firing.rule.role);
    const member = holder ? members.get(holder.memberId) : undefined;
    const assignee = member && member.status !== 'disabled' ? member : null;
    const created = await inTransaction(db, async (trx) => {
      const id = newId();
      const steps = (JSON.parse(firing.rule.steps) as string[]).map((text) => ({ text, done: false }));
      const row = {
        id,
        account_id: firing.facts.accountId,
        rule_id: firing.rule.id,
        title: firing.rule.task_title,
        reason: firing.reason,
        steps: JSON.stringify(steps),
        role: firing.rule.role,
        assignee_id: assignee?.id ?? null,
        due_on: addDaysToDate(today, firing.rule.due_in_days),
        status: 'open' as const,
        open_key: openKeyOf(firing.rule.id, firing.facts.accountId),
        created_at: now.toISOString(),
      };
      const inserted = await trx
        .insertInto('success_tasks')
        .values(row)
        .onConflict((oc) => oc.column('open_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await recordAudit(trx, ctx, {
        action: 'success_task.fired',
        recordType: 'success_task',
        recordId: id,
        changes: {
          ruleId: [null, firing.rule.id],
          accountId: [null, row.account_id],
          reason: [null, row.reason],
          assigneeId: [null, row.assignee_id],
          dueOn: [null, row.due_on],
        },
      });
      if (assignee) {
        await notifyMembers(
          trx,
          [{ memberId: assignee.id, email: assignee.email, name: assignee.name }],
          {
            kind: TASK_ASSIGNED_NOTIFICATION,
            title: `Success task: ${row.title}`,
            body: `${firing.reason}. Playbook "${firing.rule.name}" gave you a task, due ${row.due_on}.`,
            link: '/success/tasks',
          },
          { email: true },
          now,
        );
      }
      return true;
    });
    if (created) fired++;
  }
  return { fired };
}
