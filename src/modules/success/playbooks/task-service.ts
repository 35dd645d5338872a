import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, accountRefs, accountTeamSlots } from '../../accounts/index.js';
import { errors } from '../../../kernel/errors.js';
import { notifyMembers } from '../../platform/index.js';
import { memberRefs, type MemberRef } from '../../team/index.js';
import type { TaskStatus } from '../contract/kinds.js';
import {
  createSuccessTaskBody,
  type CreateSuccessTaskInput,
  type SuccessTask,
  type TaskStep,
  type UpdateSuccessTaskInput,
} from '../contract/playbooks.js';
import type { SuccessTasksTable } from '../tables.js';
import { TASK_ASSIGNED_NOTIFICATION, todayOf } from './evaluate.js';

type TaskRow = Selectable<SuccessTasksTable>;

/** Tasks with their account, rule and members named: one read per kind of record for the whole page. */
async function hydrate(db: Kysely<Database>, rows: TaskRow[], now: Date): Promise<SuccessTask[]> {
  if (rows.length === 0) return [];
  const accounts = await accountRefs(
    db,
    rows.map((r) => r.account_id),
  );
  const members = await memberRefs(db, [...rows.map((r) => r.assignee_id), ...rows.map((r) => r.closed_by)]);
  const ruleIds = [...new Set(rows.map((r) => r.rule_id).filter((id): id is string => id !== null))];
  const rules = ruleIds.length ? await db.selectFrom('playbook_rules').select(['id', 'name']).where('id', 'in', ruleIds).execute() : [];
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const named = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  const today = todayOf(now);
  return rows.map((r) => ({
    id: r.id,
    account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? 'Unknown account' },
    rule: r.rule_id ? { id: r.rule_id, name: ruleName.get(r.rule_id) ?? 'Deleted rule' } : null,
    title: r.title,
    reason: r.reason,
    steps: JSON.parse(r.steps) as TaskStep[],
    role: r.role,
    assignee: named(r.assignee_id),
    dueOn: r.due_on,
    overdue: r.status === 'open' && r.due_on < today,
    status: r.status,
    closeReason: r.close_reason,
    closeNote: r.close_note,
    closedBy: named(r.closed_by),
    closedAt: r.closed_at,
    createdAt: r.created_at,
  }));
}

async function findTask(db: Kysely<Database>, id: string): Promise<TaskRow> {
  const row = await db.selectFrom('success_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.successTaskNotFound();
  return row;
}

export async function getTask(db: Kysely<Database>, id: string, now = new Date()): Promise<SuccessTask> {
  return (await hydrate(db, [await findTask(db, id)], now))[0]!;
}

/** Tasks by status, soonest due first, keyset-paged on (due_on, id); narrowed to an assignee and/or an account. */
export async function listTasks(
  db: Kysely<Database>,
  query: { assigneeId?: string; accountId?: string; status: TaskStatus; cursor?: string; limit: number },
  now = new Date(),
): Promise<Page<SuccessTask>> {
  let q = db.selectFrom('success_tasks').selectAll().where('status', '=', query.status);
  if (query.assigneeId) q = q.where('assignee_id', '=', query.assigneeId);
  if (query.accountId) q = q.where('account_id', '=', query.accountId);
  if (query.cursor) q = q.where(keysetAfter('due_on', 'id', decodeCursor(query.cursor, 'date'), 'asc'));
  const rows = await q
    .orderBy('due_on', 'asc')
    .orderBy('id', 'asc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.due_on, r.id));
  return { items: await hydrate(db, page.items, now), nextCursor: page.nextCursor };
}

/** An account's tasks (the account page's card); 404 for an account that does not exist. */
export async function listAccountTasks(
  db: Kysely<Database>,
  accountId: string,
  query: { status: TaskStatus; cursor?: string; limit: number },
  now = new Date(),
): Promise<Page<SuccessTask>> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound();
  return listTasks(db, { ...query, accountId }, now);
}

async function activeMember(db: Kysely<Database>, id: string): Promise<MemberRef> {
  const member = (await memberRefs(db, [id])).get(id);
  if (!member || member.status === 'disabled') throw errors.successTaskAssigneeUnknown({ field: 'assigneeId' });
  return member;
}

async function tellAssignee(db: Kysely<Database>, ctx: ChangeContext, member: MemberRef, title: string, body: string, now: Date) {
  if (member.id === ctx.memberId) return;
  await notifyMembers(
    db,
    [{ memberId: member.id, email: member.email, name: member.name }],
    { kind: TASK_ASSIGNED_NOTIFICATION, title: `Success task: ${title}`, body, link: '/success/tasks' },
    { email: true },
    now,
  );
}

/** A task created by hand for an account; it goes to the named member, else to the team member holding the role. */
export async function createTask(
  db: Kysely<Database>,
  ctx: ChangeContext,
  raw: CreateSuccessTaskInput,
  now = new Date(),
): Promise<SuccessTask> {
  const input = createSuccessTaskBody.parse(raw);
  if (!(await accountExists(db, input.accountId))) throw errors.referenceMissing('account', 'accountId');
  let assignee: MemberRef | null = null;
  if (input.assigneeId) assignee = await activeMember(db, input.assigneeId);
  else {
    const holder = (await accountTeamSlots(db, input.accountId)).find((s) => s.role === input.role);
    const member = holder ? (await memberRefs(db, [holder.memberId])).get(holder.memberId) : undefined;
    assignee = member && member.status !== 'disabled' ? member : null;
  }
  const row: TaskRow = {
    id: newId(),
    account_id: input.accountId,
    rule_id: null,
    title: input.title,
    reason: input.reason,
    steps: JSON.stringify(input.steps.map((text) => ({ text, done: false }))),
    role: input.role,
    assignee_id: assignee?.id ?? null,
    due_on: input.dueOn,
    status: 'open',
    close_reason: null,
    close_note: null,
    closed_by: null,
    closed_at: null,
    open_key: null,
    created_at: now.toISOString(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('success_tasks').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'success_task.created',
      recordType: 'success_task',
      recordId: row.id,
      changes: diff(null, { accountId: row.account_id, title: row.title, assigneeId: row.assignee_id, dueOn: row.due_on }),
    });
    if (assignee) await tellAssignee(trx, ctx, assignee, row.title, `${row.reason}. Due ${row.due_on}.`, now);
  });
  return getTask(db, row.id, now);
}

/**
 * Ticks steps, reassigns, moves the due date or closes a task. Closing frees the rule's open-task
 * key, so the rule may fire again for the account; a closed task cannot be changed or reopened.
 */
export async function updateTask(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateSuccessTaskInput,
  now = new Date(),
): Promise<SuccessTask> {
  const before = await findTask(db, id);
  if (before.status !== 'open') throw errors.successTaskClosed();
  const steps = JSON.parse(before.steps) as TaskStep[];
  for (const change of input.steps ?? []) {
    const step = steps[change.index];
    if (!step) throw errors.successTaskStepNotFound(change.index, steps.length);
    step.done = change.done;
  }
  const assignee = input.assigneeId ? await activeMember(db, input.assigneeId) : null;
  const closing = input.status !== undefined;
  const fields = {
    ...(input.steps ? { steps: JSON.stringify(steps) } : {}),
    ...(input.assigneeId !== undefined ? { assignee_id: input.assigneeId } : {}),
    ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
    ...(closing
      ? {
          status: input.status,
          close_reason: input.closeReason ?? 'other',
          close_note: input.note || null,
          closed_by: ctx.memberId,
          closed_at: now.toISOString(),
          open_key: null,
        }
      : {}),
  };
  await inTransaction(db, async (trx) => {
    // `status = 'open'` in the write itself: of two members closing at once, the second gets 409.
    const result = await trx.updateTable('success_tasks').set(fields).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.successTaskClosed();
    await recordAudit(trx, ctx, {
      action: closing ? 'success_task.closed' : 'success_task.updated',
      recordType: 'success_task',
      recordId: id,
      changes: diff(
        {
          steps: JSON.parse(before.steps),
          assigneeId: before.assignee_id,
          dueOn: before.due_on,
          status: before.status,
          closeReason: null,
          note: null,
        },
        {
          steps,
          assigneeId: fields.assignee_id !== undefined ? fields.assignee_id : before.assignee_id,
          dueOn: fields.due_on ?? before.due_on,
          status: fields.status ?? before.status,
          closeReason: fields.close_reason ?? null,
          note: fields.close_note ?? null,
        },
      ),
    });
    if (assignee && assignee.id !== before.assignee_id)
      await tellAssignee(
        trx,
        ctx,
        assignee,
        before.title,
        `${before.reason}. This task was handed to you, due ${fields.due_on ?? before.due_on}.`,
        now,
      );
  });
  return getTask(db, id, now);
}
