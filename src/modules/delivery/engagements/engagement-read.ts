import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, type Page } from '../../../kernel/pagination.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import {
  engagementTimeline,
  memberRefs,
  minutesByEngagement,
  minutesByTask,
  engagementTime as timeOfEngagement,
} from '../../team/index.js';
import { byText } from '../text-order.js';
import { deliveryPorts, type LinkedOpportunity } from '../ports.js';
import { averageDays, burnDown, dayOf, maxDate, minDate, projectSchedule, timeToValueDays } from './plan.js';
import type {
  Engagement,
  EngagementListQuery,
  EngagementProgress,
  EngagementSummary,
  MyTask,
  Task,
  TaskComment,
  TimeToValue,
} from '../contract/engagements.js';
import type { EngagementsTable, EngagementStatus, TaskStatus } from './tables.js';

/**
 * Reading engagements (DESIGN §2, delivery): an account's project with a lead, a team, a budget and
 * a dated plan of phases and tasks, with the figures worked out from the plan (progress, burn,
 * schedule slip, time-to-value). Other modules use these through `service.ts`.
 */

type EngagementRow = Selectable<EngagementsTable> & { account_name: string; lead_name: string | null };

/** Statuses in which an engagement counts toward an engaged customer relationship. */
export const LIVE_STATUSES: EngagementStatus[] = ['active', 'at_risk'];

/** Live engagements on an account: each counts toward an engaged relationship (accounts asks, through its port). */
export async function countLiveEngagements(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('engagements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const bool = (v: unknown) => Boolean(Number(v));
export const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Engagement rows with their account's and lead's names: one batch read of each for the whole
 * list. A row whose account is gone is left out, as the join it replaces did.
 */
async function withNames(db: Kysely<Database>, rows: Selectable<EngagementsTable>[]): Promise<EngagementRow[]> {
  const [accounts, leads] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    memberRefs(
      db,
      rows.map((r) => r.lead_id),
    ),
  ]);
  return rows.flatMap((r) => {
    const account = accounts.get(r.account_id);
    return account ? [{ ...r, account_name: account.name, lead_name: r.lead_id ? (leads.get(r.lead_id)?.name ?? null) : null }] : [];
  });
}

// ---------------------------------------------------------------- tasks, loaded per engagement

interface TaskData {
  tasks: Task[];
  byEngagement: Map<string, Task[]>;
}

/** The tasks of some engagements with owners, dependencies, blockers, time and comment counts. */
export async function loadTasks(
  db: Kysely<Database>,
  where: { engagementIds?: string[]; taskIds?: string[] },
  today: string,
): Promise<TaskData> {
  const ids = where.engagementIds ?? where.taskIds ?? [];
  if (!ids.length) return { tasks: [], byEngagement: new Map() };
  let query = db.selectFrom('engagement_tasks as t').selectAll('t');
  query = where.engagementIds ? query.where('t.engagement_id', 'in', ids) : query.where('t.id', 'in', ids);
  const rows = await query.orderBy('t.engagement_id').orderBy('t.position').orderBy('t.id').execute();
  const engagementIds = [...new Set(rows.map((r) => r.engagement_id))];
  if (!engagementIds.length) return { tasks: [], byEngagement: new Map() };
  const ownersOf = (type: 'member' | 'contact') => rows.filter((r) => r.owner_type === type).map((r) => r.owner_id);
  const [deps, statusRows, minutesOf, comments, members, contacts] = await Promise.all([
    db.selectFrom('task_dependencies').selectAll().where('engagement_id', 'in', engagementIds).execute(),
    // Dependencies' titles and statuses (all tasks of these engagements, when only some were asked for).
    where.engagementIds
      ? Promise.resolve(rows.map((r) => ({ id: r.id, title: r.title, status: r.status })))
      : db.selectFrom('engagement_tasks').select(['id', 'title', 'status']).where('engagement_id', 'in', engagementIds).execute(),
    minutesByTask(db, engagementIds),
    db
      .selectFrom('task_comments')
      .innerJoin('engagement_tasks', 'engagement_tasks.id', 'task_comments.task_id')
      .select(['task_comments.task_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_tasks.engagement_id', 'in', engagementIds)
      .groupBy('task_comments.task_id')
      .execute(),
    memberRefs(db, ownersOf('member')),
    contactRefs(db, ownersOf('contact')),
  ]);
  const info = new Map(statusRows.map((r) => [r.id, r]));
  const depsOf = new Map<string, string[]>();
  for (const d of deps) depsOf.set(d.task_id, [...(depsOf.get(d.task_id) ?? []), d.depends_on_id]);
  const commentsOf = new Map(comments.map((c) => [c.task_id, Number(c.n)]));
  const tasks = rows.map((r): Task => {
    const dependsOn = (depsOf.get(r.id) ?? []).sort((a, b) => (info.get(a)?.title ?? '').localeCompare(info.get(b)?.title ?? ''));
    const ownerName =
      r.owner_id === null
        ? null
        : r.owner_type === 'member'
          ? members.get(r.owner_id)?.name
          : r.owner_type === 'contact'
            ? contacts.get(r.owner_id)?.name
            : null;
    return {
      id: r.id,
      engagementId: r.engagement_id,
      phaseId: r.phase_id,
      position: Number(r.position),
      title: r.title,
      description: r.description,
      owner: r.owner_type && r.owner_id ? { type: r.owner_type, id: r.owner_id, name: ownerName ?? '(removed)' } : null,
      customerVisible: bool(r.customer_visible),
      milestone: bool(r.milestone),
      startDate: r.start_date,
      dueDate: r.due_date,
      status: r.status,
      completedAt: r.completed_at,
      dependsOn,
      blockedBy: dependsOn
        .map((d) => info.get(d))
        .filter((d): d is { id: string; title: string; status: TaskStatus } => !!d && d.status !== 'done')
        .map((d) => ({ id: d.id, title: d.title, status: d.status })),
      overdue: r.status !== 'done' && r.due_date < today,
      loggedMinutes: minutesOf.get(r.id) ?? 0,
      commentCount: commentsOf.get(r.id) ?? 0,
    };
  });
  const byEngagement = new Map<string, Task[]>();
  for (const task of tasks) byEngagement.set(task.engagementId, [...(byEngagement.get(task.engagementId) ?? []), task]);
  return { tasks, byEngagement };
}

/** A milestone named for the go-live ("Go-live", "Go live with the first team"…): what the schedule's go-live date measures. */
export const GO_LIVE_TITLE = /\bgo[\s-]?live\b/i;

/** The plan's go-live task: the last-due milestone whose title names the go-live; null when there is none. */
export function goLiveTaskOf<X extends { milestone: boolean; title: string; dueDate: string }>(tasks: readonly X[]): X | null {
  const named = tasks.filter((t) => t.milestone && GO_LIVE_TITLE.test(t.title));
  return named.sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0] ?? null;
}

function scheduleOf(row: Selectable<EngagementsTable>, tasks: Task[], today: string) {
  return projectSchedule(
    tasks.map((t) => ({
      id: t.id,
      startDate: t.startDate,
      dueDate: t.dueDate,
      status: t.status,
      completedAt: t.completedAt,
      dependsOn: t.dependsOn,
    })),
    row.target_go_live_date,
    row.actual_go_live_date,
    today,
    goLiveTaskOf(tasks)?.id ?? null,
  );
}

function toSummary(row: EngagementRow, tasks: Task[], loggedMinutes: number, today: string): EngagementSummary {
  const budgetHours = Number(row.budget_hours);
  const loggedHours = hours(loggedMinutes);
  const closed = row.status === 'done' || row.status === 'cancelled';
  const schedule = scheduleOf(row, tasks, today);
  const next = tasks
    .filter((t) => t.milestone && t.status !== 'done')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position)[0];
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    account: { id: row.account_id, name: row.account_name },
    lead: row.lead_id ? { id: row.lead_id, name: row.lead_name ?? '(removed)' } : null,
    startDate: row.start_date,
    targetGoLiveDate: row.target_go_live_date,
    projectedGoLiveDate: row.status === 'cancelled' ? null : schedule.projectedGoLiveDate,
    actualGoLiveDate: row.actual_go_live_date,
    slipDays: row.status === 'cancelled' ? null : schedule.slipDays,
    atRisk: !closed && (row.status === 'at_risk' || (schedule.slipDays ?? 0) > 0 || (budgetHours > 0 && loggedHours > budgetHours)),
    budgetHours,
    loggedHours,
    progress: { done: tasks.filter((t) => t.status === 'done').length, total: tasks.length },
    nextMilestone: next ? { id: next.id, title: next.title, dueDate: next.dueDate } : null,
  };
}

async function summaries(db: Kysely<Database>, plain: Selectable<EngagementsTable>[], today: string): Promise<EngagementSummary[]> {
  const ids = plain.map((r) => r.id);
  const [rows, { byEngagement }, logged] = await Promise.all([
    withNames(db, plain),
    loadTasks(db, { engagementIds: ids }, today),
    minutesByEngagement(db, ids),
  ]);
  return rows.map((r) => toSummary(r, byEngagement.get(r.id) ?? [], logged.get(r.id) ?? 0, today));
}

// ---------------------------------------------------------------- reading engagements

async function findRow(db: Kysely<Database>, id: string): Promise<Selectable<EngagementsTable>> {
  const row = await db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.engagementNotFound();
  return row;
}

/** The engagement's team, by name: members no longer on file are left out. */
async function teamOf(db: Kysely<Database>, id: string): Promise<{ id: string; name: string }[]> {
  const ids = (await db.selectFrom('engagement_members').select('member_id').where('engagement_id', '=', id).execute()).map(
    (m) => m.member_id,
  );
  const refs = await memberRefs(db, ids);
  return [...refs.values()].map((m) => ({ id: m.id, name: m.name })).sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}

/**
 * The deal an engagement serves, read through presales (delivery's port); null when none is linked
 * or the deal is gone. Engagements without a link never ask, so a tool that reads them needs no wiring.
 */
export async function linkedOpportunity(db: Kysely<Database>, opportunityId: string | null): Promise<LinkedOpportunity | null> {
  if (!opportunityId) return null;
  return (await deliveryPorts().opportunityRefs(db, [opportunityId])).get(opportunityId) ?? null;
}

export async function getEngagement(db: Kysely<Database>, id: string, now = new Date()): Promise<Engagement> {
  const today = dayOf(now);
  const [row] = await withNames(db, [await findRow(db, id)]);
  if (!row) throw errors.engagementNotFound();
  const [{ tasks }, logged, members, phases, opportunity] = await Promise.all([
    loadTasks(db, { engagementIds: [id] }, today),
    minutesByEngagement(db, [id]),
    teamOf(db, id),
    db.selectFrom('engagement_phases').selectAll().where('engagement_id', '=', id).orderBy('position').execute(),
    linkedOpportunity(db, row.opportunity_id),
  ]);
  return {
    ...toSummary(row, tasks, logged.get(id) ?? 0, today),
    description: row.description,
    members,
    contractStartDate: row.contract_start_date,
    opportunity: opportunity ? { id: opportunity.id, name: opportunity.name } : null,
    templateId: row.template_id,
    pocVerdict: row.poc_verdict,
    pocVerdictNote: row.poc_verdict_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    phases: phases.map((p) => {
      const own = tasks.filter((t) => t.phaseId === p.id);
      return {
        id: p.id,
        name: p.name,
        position: Number(p.position),
        startDate: minDate(own.map((t) => t.startDate)),
        endDate: maxDate(own.map((t) => t.dueDate)),
      };
    }),
    tasks,
  };
}

/**
 * Engagements, latest start first, filtered; paged by (start date, id). `atRisk` is derived (status,
 * slip, budget), so that filter reads further batches until the page is full.
 */
export async function listEngagements(db: Kysely<Database>, q: EngagementListQuery, now = new Date()): Promise<Page<EngagementSummary>> {
  const today = dayOf(now);
  let query = db.selectFrom('engagements').selectAll('engagements');
  if (q.kind) query = query.where('engagements.kind', '=', q.kind);
  if (q.status) query = query.where('engagements.status', '=', q.status);
  if (q.leadId) query = query.where('engagements.lead_id', '=', q.leadId);
  if (q.accountId) query = query.where('engagements.account_id', '=', q.accountId);
  if (q.q) query = query.where(likeText(sql<string>`lower(engagements.name)`, q.q.toLowerCase(), 'contains'));
  // Closed engagements are never at risk.
  if (q.atRisk === true) query = query.where('engagements.status', 'not in', ['done', 'cancelled']);
  let after = q.cursor ? decodeCursor(q.cursor, 'date') : null;
  const found: EngagementSummary[] = [];
  const batch = q.atRisk === undefined ? q.limit + 1 : Math.max(50, q.limit * 2);
  for (;;) {
    let page = query;
    if (after) page = page.where(keysetAfter('engagements.start_date', 'engagements.id', after, 'desc'));
    const rows = await page.orderBy('engagements.start_date', 'desc').orderBy('engagements.id', 'desc').limit(batch).execute();
    const items = await summaries(db, rows, today);
    for (const item of items) if (q.atRisk === undefined || item.atRisk === q.atRisk) found.push(item);
    if (rows.length < batch || found.length > q.limit) break;
    const last = rows[rows.length - 1]!;
    after = { sortValue: last.start_date, id: last.id };
  }
  const items = found.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > q.limit && last ? encodeCursor(last.startDate, last.id) : null };
}

// ---------------------------------------------------------------- tasks

export async function getTask(db: Kysely<Database>, id: string, now = new Date()): Promise<Task> {
  const { tasks } = await loadTasks(db, { taskIds: [id] }, dayOf(now));
  if (!tasks[0]) throw errors.taskNotFound();
  return tasks[0];
}

// ---------------------------------------------------------------- comments, time, progress, my tasks, time to value

export async function listComments(db: Kysely<Database>, taskId: string): Promise<TaskComment[]> {
  await getTask(db, taskId);
  const rows = await db.selectFrom('task_comments').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute();
  const authorsOf = (type: 'member' | 'contact') => rows.filter((r) => r.author_type === type).map((r) => r.author_id);
  const [members, contacts] = await Promise.all([memberRefs(db, authorsOf('member')), contactRefs(db, authorsOf('contact'))]);
  return rows.map((r) => ({
    id: r.id,
    author: {
      type: r.author_type,
      id: r.author_id,
      name: (r.author_type === 'member' ? members.get(r.author_id) : contacts.get(r.author_id))?.name ?? '(removed)',
    },
    body: r.body,
    createdAt: r.created_at,
  }));
}

export async function engagementTime(db: Kysely<Database>, engagementId: string) {
  await findRow(db, engagementId);
  return timeOfEngagement(db, engagementId);
}

// ---------------------------------------------------------------- progress, my tasks, time to value

/** Budget burn, schedule (planned vs projected go-live), task counts and milestones of one engagement. */
export async function engagementProgress(db: Kysely<Database>, id: string, now = new Date()): Promise<EngagementProgress> {
  const today = dayOf(now);
  const row = await findRow(db, id);
  const [{ tasks }, entries] = await Promise.all([loadTasks(db, { engagementIds: [id] }, today), engagementTimeline(db, id)]);
  const loggedMinutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  const budgetHours = Number(row.budget_hours);
  const loggedHours = hours(loggedMinutes);
  const schedule = scheduleOf(row, tasks, today);
  // A finished engagement's burn stops at its go-live (or today, if time is still logged after it).
  const lastEntry = maxDate(entries.map((e) => dayOf(e.startedAt)));
  const burnEnd = row.status === 'done' && row.actual_go_live_date ? (maxDate([row.actual_go_live_date, lastEntry]) ?? today) : today;
  return {
    budgetHours,
    loggedHours,
    remainingHours: Math.round((budgetHours - loggedHours) * 100) / 100,
    burnDown: burnDown(
      budgetHours,
      row.start_date,
      row.target_go_live_date,
      burnEnd < today ? burnEnd : today,
      entries.map((e) => ({ day: dayOf(e.startedAt), minutes: e.minutes })),
    ),
    schedule: {
      startDate: row.start_date,
      targetGoLiveDate: row.target_go_live_date,
      projectedGoLiveDate: schedule.projectedGoLiveDate,
      actualGoLiveDate: row.actual_go_live_date,
      slipDays: schedule.slipDays,
    },
    taskCounts: {
      todo: tasks.filter((t) => t.status === 'todo').length,
      inProgress: tasks.filter((t) => t.status === 'in_progress').length,
      done: tasks.filter((t) => t.status === 'done').length,
      total: tasks.length,
      blocked: tasks.filter((t) => t.status !== 'done' && t.blockedBy.length > 0).length,
      overdue: tasks.filter((t) => t.overdue).length,
    },
    milestones: tasks
      .filter((t) => t.milestone)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position)
      .map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate, status: t.status, completedAt: t.completedAt })),
    timeToValueDays: timeToValueDays(row.contract_start_date, row.actual_go_live_date),
  };
}

/** Tasks a member owns across engagements that are not cancelled, by due date (open ones, or done). */
export async function myTasks(db: Kysely<Database>, memberId: string, status: 'open' | 'done', now = new Date()): Promise<MyTask[]> {
  const rows = await db
    .selectFrom('engagement_tasks')
    .innerJoin('engagements', 'engagements.id', 'engagement_tasks.engagement_id')
    .select([
      'engagement_tasks.id',
      'engagements.id as engagement_id',
      'engagements.name as engagement_name',
      'engagements.kind',
      'engagements.account_id',
    ])
    .where('engagement_tasks.owner_type', '=', 'member')
    .where('engagement_tasks.owner_id', '=', memberId)
    .where('engagement_tasks.status', status === 'open' ? 'in' : '=', status === 'open' ? ['todo', 'in_progress'] : 'done')
    .where('engagements.status', '!=', 'cancelled')
    .orderBy(status === 'open' ? 'engagement_tasks.due_date' : 'engagement_tasks.completed_at', status === 'open' ? 'asc' : 'desc')
    .orderBy('engagement_tasks.id')
    .limit(500)
    .execute();
  const [{ tasks }, accounts] = await Promise.all([
    loadTasks(db, { taskIds: rows.map((r) => r.id) }, dayOf(now)),
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
  ]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return rows.flatMap((r) => {
    const account = accounts.get(r.account_id);
    return account
      ? [
          {
            ...byId.get(r.id)!,
            engagement: { id: r.engagement_id, name: r.engagement_name, kind: r.kind },
            account: { id: account.id, name: account.name },
          },
        ]
      : [];
  });
}

/** Contract start → actual go-live per engagement that has both (one account's, or all), and the average. */
export async function timeToValue(db: Kysely<Database>, filter: { accountId?: string | undefined } = {}): Promise<TimeToValue> {
  let query = db
    .selectFrom('engagements')
    .select([
      'engagements.id',
      'engagements.name',
      'engagements.contract_start_date',
      'engagements.actual_go_live_date',
      'engagements.account_id',
    ])
    .where('engagements.contract_start_date', 'is not', null)
    .where('engagements.actual_go_live_date', 'is not', null)
    .where('engagements.status', '!=', 'cancelled');
  if (filter.accountId) query = query.where('engagements.account_id', '=', filter.accountId);
  const rows = await query.orderBy('engagements.actual_go_live_date', 'desc').orderBy('engagements.id').limit(1000).execute();
  const accounts = await accountRefs(
    db,
    rows.map((r) => r.account_id),
  );
  const items = rows
    .filter((r) => accounts.has(r.account_id))
    .map((r) => ({
      account: { id: r.account_id, name: accounts.get(r.account_id)!.name },
      engagement: { id: r.id, name: r.name },
      contractStartDate: r.contract_start_date!,
      goLiveDate: r.actual_go_live_date!,
      days: timeToValueDays(r.contract_start_date, r.actual_go_live_date)!,
    }));
  return { averageDays: averageDays(items.map((i) => i.days)), items };
}
