import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { contactRefs } from '../../accounts/index.js';
import { logTime, releaseTaskTime } from '../../team/index.js';
import type { TimeEntry } from '../../team/contract/time-entries.js';
import { findCycle } from './plan.js';
import type { CreateTaskInput, Task, TaskComment, TaskTimeInput, UpdateTaskInput } from '../contract/engagements.js';
import { getTask, listComments } from './engagement-read.js';
import { requireActiveMember } from './engagement-write.js';

/** Tasks of an engagement: dependencies (no cycles, no starting while blocked), comments and time. */

// ---------------------------------------------------------------- tasks

async function checkOwner(db: Kysely<Database>, accountId: string, owner: { type: 'member' | 'contact'; id: string }): Promise<void> {
  if (owner.type === 'member') return requireActiveMember(db, owner.id, 'owner.id');
  const contact = (await contactRefs(db, [owner.id])).get(owner.id);
  if (!contact || contact.accountId !== accountId) throw errors.referenceMissing('contact of this engagement’s account', 'owner.id');
}

async function checkPhase(db: Kysely<Database>, engagementId: string, phaseId: string): Promise<void> {
  const phase = await db.selectFrom('engagement_phases').select('engagement_id').where('id', '=', phaseId).executeTakeFirst();
  if (!phase || phase.engagement_id !== engagementId) throw errors.referenceMissing('phase of this engagement', 'phaseId');
}

/** Checks a task's new dependencies: tasks of the same engagement, not itself, no circle. */
async function checkDependencies(db: Kysely<Database>, engagementId: string, taskId: string, dependsOn: string[]): Promise<void> {
  const all = await db.selectFrom('engagement_tasks').select(['id', 'title']).where('engagement_id', '=', engagementId).execute();
  const titles = new Map(all.map((t) => [t.id, t.title]));
  for (const [i, dep] of dependsOn.entries()) if (!titles.has(dep)) throw errors.dependencyUnknown(`dependsOn.${i}`, dep);
  const edges = await db
    .selectFrom('task_dependencies')
    .select(['task_id', 'depends_on_id'])
    .where('engagement_id', '=', engagementId)
    .execute();
  const graph = new Map<string, string[]>(all.map((t) => [t.id, []]));
  graph.set(taskId, []);
  for (const e of edges) if (e.task_id !== taskId) graph.get(e.task_id)?.push(e.depends_on_id);
  graph.set(taskId, dependsOn);
  const cycle = findCycle(graph);
  if (cycle)
    throw errors.dependencyCycle(
      'dependsOn',
      cycle,
      cycle.map((c) => titles.get(c) ?? 'this task'),
    );
}

function taskAuditShape(t: {
  phaseId: string | null;
  title: string;
  description: string | null;
  owner: { type: string; id: string } | null;
  customerVisible: boolean;
  milestone: boolean;
  startDate: string;
  dueDate: string;
  status: string;
  dependsOn: string[];
}) {
  return {
    phaseId: t.phaseId,
    title: t.title,
    description: t.description,
    owner: t.owner ? `${t.owner.type}:${t.owner.id}` : null,
    customerVisible: t.customerVisible,
    milestone: t.milestone,
    startDate: t.startDate,
    dueDate: t.dueDate,
    status: t.status,
    dependsOn: [...t.dependsOn].sort(),
  };
}

export async function createTask(
  db: Kysely<Database>,
  ctx: ChangeContext,
  engagementId: string,
  input: CreateTaskInput,
  now = new Date(),
): Promise<Task> {
  const engagement = await db.selectFrom('engagements').select(['id', 'account_id']).where('id', '=', engagementId).executeTakeFirst();
  if (!engagement) throw errors.engagementNotFound();
  if (input.phaseId) await checkPhase(db, engagementId, input.phaseId);
  if (input.owner) await checkOwner(db, engagement.account_id, input.owner);
  if (input.dueDate < input.startDate)
    throw errors.datesOutOfOrder('dueDate', `The due date (${input.dueDate}) is before the start date (${input.startDate}).`);
  const id = newId();
  const dependsOn = [...new Set(input.dependsOn ?? [])];
  await checkDependencies(db, engagementId, id, dependsOn);
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('engagement_tasks')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    await trx
      .insertInto('engagement_tasks')
      .values({
        id,
        engagement_id: engagementId,
        phase_id: input.phaseId ?? null,
        position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
        title: input.title,
        description: input.description ?? null,
        owner_type: input.owner?.type ?? null,
        owner_id: input.owner?.id ?? null,
        customer_visible: input.customerVisible ? 1 : 0,
        milestone: input.milestone ? 1 : 0,
        start_date: input.startDate,
        due_date: input.dueDate,
        status: 'todo',
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (dependsOn.length)
      await trx
        .insertInto('task_dependencies')
        .values(dependsOn.map((d) => ({ task_id: id, depends_on_id: d, engagement_id: engagementId })))
        .execute();
    await recordAudit(trx, ctx, {
      action: 'task.created',
      recordType: 'engagement_task',
      recordId: id,
      changes: diff(null, {
        engagementId,
        ...taskAuditShape({
          phaseId: input.phaseId ?? null,
          title: input.title,
          description: input.description ?? null,
          owner: input.owner ?? null,
          customerVisible: !!input.customerVisible,
          milestone: !!input.milestone,
          startDate: input.startDate,
          dueDate: input.dueDate,
          status: 'todo',
          dependsOn,
        }),
      }),
    });
    await touch(trx, engagementId, at);
  });
  return getTask(db, id, now);
}

async function touch(db: Kysely<Database>, engagementId: string, at: string) {
  await db.updateTable('engagements').set({ updated_at: at }).where('id', '=', engagementId).execute();
}

/**
 * Changes a task. Starting or finishing it while a dependency is not done is refused (409
 * tasks.blocked); new dependencies that close a circle are refused (422); nothing is written then.
 */
export async function updateTask(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateTaskInput,
  now = new Date(),
): Promise<Task> {
  const before = await getTask(db, id, now);
  const engagement = await db
    .selectFrom('engagements')
    .select(['id', 'account_id'])
    .where('id', '=', before.engagementId)
    .executeTakeFirst();
  if (!engagement) throw errors.engagementNotFound();
  if (input.phaseId) await checkPhase(db, engagement.id, input.phaseId);
  if (input.owner) await checkOwner(db, engagement.account_id, input.owner);
  const startDate = input.startDate ?? before.startDate;
  const dueDate = input.dueDate ?? before.dueDate;
  if (dueDate < startDate)
    throw errors.datesOutOfOrder(
      input.dueDate !== undefined || input.startDate === undefined ? 'dueDate' : 'startDate',
      `The due date (${dueDate}) is before the start date (${startDate}).`,
    );
  const dependsOn = input.dependsOn ? [...new Set(input.dependsOn)] : before.dependsOn;
  if (input.dependsOn) await checkDependencies(db, engagement.id, id, dependsOn);
  const status = input.status ?? before.status;
  if (status !== 'todo' && status !== before.status) {
    const blockers = dependsOn.length
      ? await db
          .selectFrom('engagement_tasks')
          .select(['id', 'title', 'status'])
          .where('id', 'in', dependsOn)
          .where('status', '!=', 'done')
          .orderBy('title')
          .execute()
      : [];
    if (blockers.length) throw errors.taskBlocked(blockers);
  }
  const at = now.toISOString();
  const completedAt = status === 'done' ? (before.status === 'done' ? before.completedAt : at) : null;
  const after = {
    phaseId: input.phaseId === undefined ? before.phaseId : input.phaseId,
    title: input.title ?? before.title,
    description: input.description === undefined ? before.description : input.description,
    owner: input.owner === undefined ? before.owner : input.owner,
    customerVisible: input.customerVisible ?? before.customerVisible,
    milestone: input.milestone ?? before.milestone,
    startDate,
    dueDate,
    status,
    dependsOn,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('engagement_tasks')
      .set({
        phase_id: after.phaseId,
        title: after.title,
        description: after.description,
        owner_type: after.owner?.type ?? null,
        owner_id: after.owner?.id ?? null,
        customer_visible: after.customerVisible ? 1 : 0,
        milestone: after.milestone ? 1 : 0,
        start_date: startDate,
        due_date: dueDate,
        status,
        completed_at: completedAt,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (input.dependsOn) {
      await trx.deleteFrom('task_dependencies').where('task_id', '=', id).execute();
      if (dependsOn.length)
        await trx
          .insertInto('task_dependencies')
          .values(dependsOn.map((d) => ({ task_id: id, depends_on_id: d, engagement_id: engagement.id })))
          .execute();
    }
    await recordAudit(trx, ctx, {
      action: status !== before.status && status === 'done' ? 'task.completed' : 'task.updated',
      recordType: 'engagement_task',
      recordId: id,
      changes: diff(taskAuditShape(before), taskAuditShape(after)),
    });
    await touch(trx, engagement.id, at);
  });
  return getTask(db, id, now);
}

export async function deleteTask(db: Kysely<Database>, ctx: ChangeContext, id: string, now = new Date()): Promise<void> {
  const before = await getTask(db, id, now);
  await inTransaction(db, async (trx) => {
    // Time logged on the task stays on the engagement (and the member's time sheet).
    await releaseTaskTime(trx, id);
    await trx.deleteFrom('task_comments').where('task_id', '=', id).execute();
    await trx
      .deleteFrom('task_dependencies')
      .where((eb) => eb.or([eb('task_id', '=', id), eb('depends_on_id', '=', id)]))
      .execute();
    await trx.deleteFrom('engagement_tasks').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'task.deleted',
      recordType: 'engagement_task',
      recordId: id,
      changes: diff({ engagementId: before.engagementId, ...taskAuditShape(before) }, null),
    });
    await touch(trx, before.engagementId, now.toISOString());
  });
}

// ---------------------------------------------------------------- comments and time

export async function addComment(
  db: Kysely<Database>,
  ctx: ChangeContext,
  taskId: string,
  author: { type: 'member' | 'contact'; id: string },
  body: string,
  now = new Date(),
): Promise<TaskComment> {
  const task = await getTask(db, taskId, now);
  const id = newId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('task_comments')
      .values({ id, task_id: taskId, author_type: author.type, author_id: author.id, body, created_at: now.toISOString() })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'task.commented',
      recordType: 'engagement_task',
      recordId: taskId,
      changes: diff(null, { commentId: id, engagementId: task.engagementId }),
    });
  });
  return (await listComments(db, taskId)).find((c) => c.id === id)!;
}

/** Logs a member's time on a task: a time entry of theirs with the engagement, account and task. */
export async function logTaskTime(
  db: Kysely<Database>,
  ctx: ChangeContext,
  taskId: string,
  memberId: string,
  input: TaskTimeInput,
  now = new Date(),
): Promise<TimeEntry> {
  const task = await getTask(db, taskId, now);
  const engagement = await db
    .selectFrom('engagements')
    .select(['id', 'account_id'])
    .where('id', '=', task.engagementId)
    .executeTakeFirstOrThrow();
  return logTime(
    db,
    ctx,
    {
      memberId,
      minutes: input.minutes,
      category: input.category,
      engagementId: engagement.id,
      accountId: engagement.account_id,
      taskId,
      note: input.note,
      startedAt: input.startedAt,
    },
    now,
  );
}
