import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { memberRefs } from '../../team/index.js';
import {
  checkTriggerParams,
  createPlaybookRuleBody,
  describeTrigger,
  updatePlaybookRuleBody,
  type CreatePlaybookRuleInput,
  type PlaybookParams,
  type PlaybookRule,
  type UpdatePlaybookRuleInput,
} from '../contract/playbooks.js';
import type { PlaybookRulesTable } from '../tables.js';
import { runRuleNow } from './evaluate.js';

type RuleRow = Selectable<PlaybookRulesTable>;

async function toRules(db: Kysely<Database>, rows: RuleRow[]): Promise<PlaybookRule[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('success_tasks')
    .select(['rule_id', (eb) => eb.fn.countAll<number>().as('open')])
    .where(
      'rule_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('status', '=', 'open')
    .groupBy('rule_id')
    .execute();
  const openOf = new Map(counts.map((c) => [c.rule_id, Number(c.open)]));
  const members = await memberRefs(
    db,
    rows.map((r) => r.created_by),
  );
  return rows.map((r) => {
    const params = JSON.parse(r.params) as PlaybookParams;
    const creator = r.created_by ? members.get(r.created_by) : undefined;
    return {
      id: r.id,
      name: r.name,
      trigger: r.trigger,
      params,
      description: describeTrigger(r.trigger, params),
      role: r.role as PlaybookRule['role'],
      taskTitle: r.task_title,
      steps: JSON.parse(r.steps) as string[],
      dueInDays: r.due_in_days,
      enabled: r.enabled === 1,
      openTasks: openOf.get(r.id) ?? 0,
      createdBy: r.created_by ? { id: r.created_by, name: creator?.name ?? 'Former member' } : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

async function findRule(db: Kysely<Database>, id: string): Promise<RuleRow> {
  const row = await db.selectFrom('playbook_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.playbookRuleNotFound();
  return row;
}

/** The rules, by name. */
export async function listRules(db: Kysely<Database>): Promise<PlaybookRule[]> {
  const rows = await db.selectFrom('playbook_rules').selectAll().orderBy('name').orderBy('id').execute();
  return toRules(db, rows);
}

export async function getRule(db: Kysely<Database>, id: string): Promise<PlaybookRule> {
  return (await toRules(db, [await findRule(db, id)]))[0]!;
}

/** Only the figure the trigger uses is kept. */
function keptParams(params: PlaybookParams): PlaybookParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

const audited = (r: RuleRow) => ({
  name: r.name,
  trigger: r.trigger,
  params: JSON.parse(r.params) as unknown,
  role: r.role,
  taskTitle: r.task_title,
  steps: JSON.parse(r.steps) as unknown,
  dueInDays: r.due_in_days,
  enabled: r.enabled === 1,
});

export async function createRule(
  db: Kysely<Database>,
  ctx: ChangeContext,
  raw: CreatePlaybookRuleInput,
  now = new Date(),
): Promise<PlaybookRule> {
  const input = createPlaybookRuleBody.parse(raw);
  const at = now.toISOString();
  const row: RuleRow = {
    id: newId(),
    name: input.name,
    trigger: input.trigger,
    params: JSON.stringify(keptParams(input.params)),
    role: input.role,
    task_title: input.taskTitle,
    steps: JSON.stringify(input.steps),
    due_in_days: input.dueInDays,
    enabled: input.enabled ? 1 : 0,
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('playbook_rules').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'playbook_rule.created',
      recordType: 'playbook_rule',
      recordId: row.id,
      changes: diff(null, audited(row)),
    });
  });
  return getRule(db, row.id);
}

/** Changes a rule. Params sent alone are checked against the rule's trigger; a new trigger brings its own. */
export async function updateRule(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdatePlaybookRuleInput,
  now = new Date(),
): Promise<PlaybookRule> {
  const input = updatePlaybookRuleBody.parse(raw);
  const before = await findRule(db, id);
  const trigger = input.trigger ?? before.trigger;
  const params = input.params ?? (input.trigger !== undefined ? {} : (JSON.parse(before.params) as PlaybookParams));
  // The body's own check covers a new trigger; params sent for the kept trigger are checked here.
  const check = z.object({}).superRefine((_, c) => checkTriggerParams(trigger, params, c));
  const result = check.safeParse({});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: ['params', ...i.path.slice(1)].join('.'), message: i.message }));
    throw errors.validation(`body.${issues[0]!.path}: ${issues[0]!.message}`, { location: 'body', issues });
  }
  const after: RuleRow = {
    ...before,
    ...(input.name !== undefined ? { name: input.name } : {}),
    trigger,
    params: JSON.stringify(keptParams(params)),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.taskTitle !== undefined ? { task_title: input.taskTitle } : {}),
    ...(input.steps !== undefined ? { steps: JSON.stringify(input.steps) } : {}),
    ...(input.dueInDays !== undefined ? { due_in_days: input.dueInDays } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
    updated_at: now.toISOString(),
  };
  await inTransaction(db, async (trx) => {
    const { id: _id, ...fields } = after;
    await trx.updateTable('playbook_rules').set(fields).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'playbook_rule.updated',
      recordType: 'playbook_rule',
      recordId: id,
      changes: diff(audited(before), audited(after)),
    });
  });
  return getRule(db, id);
}

/**
 * Deletes a rule that never created a task. A rule with tasks is disabled instead: its tasks name
 * it (why they exist, and which rule may fire again once they close), and the audit trail of its
 * firings should keep pointing at a rule that can still be read.
 */
export async function deleteRule(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  now = new Date(),
): Promise<{ outcome: 'deleted' | 'disabled' }> {
  const before = await findRule(db, id);
  return inTransaction(db, async (trx) => {
    const used = await trx.selectFrom('success_tasks').select('id').where('rule_id', '=', id).limit(1).executeTakeFirst();
    if (used) {
      await trx.updateTable('playbook_rules').set({ enabled: 0, updated_at: now.toISOString() }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'playbook_rule.disabled',
        recordType: 'playbook_rule',
        recordId: id,
        changes: diff({ enabled: before.enabled === 1 }, { enabled: false }),
      });
      return { outcome: 'disabled' as const };
    }
    await trx.deleteFrom('playbook_rules').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'playbook_rule.deleted',
      recordType: 'playbook_rule',
      recordId: id,
      changes: diff(audited(before), null),
    });
    return { outcome: 'deleted' as const };
  });
}

/** "Run now": the rule over every account at once, whether or not it is enabled. */
export async function runRule(db: Kysely<Database>, ctx: ChangeContext, id: string, now = new Date()): Promise<{ fired: number }> {
  return runRuleNow(db, ctx, await findRule(db, id), now);
}
