import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../db/transaction.js';
import { errors } from '../../../app/errors.js';
import { refreshRelationship, registerEngagementCounter } from '../../accounts/service.js';
import type { ChangeContext } from '../../platform/actor.js';
import { diff, recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, encodeCursor, likeText, type Page } from '../../platform/pagination.js';
import { engagementTime as timeOfEngagement, logTime } from '../../team/time-entries-service.js';
import type { TimeEntry } from '../../team/time-entries-schemas.js';
import { averageDays, burnDown, dayOf, findCycle, layoutPlan, maxDate, minDate, projectSchedule, timeToValueDays } from './plan.js';
import type {
  CreateEngagementInput,
  CreateTaskInput,
  Engagement,
  EngagementListQuery,
  EngagementProgress,
  EngagementSummary,
  MyTask,
  Task,
  TaskComment,
  TaskTimeInput,
  TimeToValue,
  UpdateEngagementInput,
  UpdateTaskInput,
} from './schemas.js';
import type { EngagementsTable, EngagementStatus, PocVerdict, TaskStatus } from './tables.js';
import { getTemplate } from './template-service.js';

/**
 * Engagements (DESIGN §2, delivery): an account's project with a lead, a team, a budget and a
 * dated plan of phases and tasks. Other modules use the exported functions (the records part of
 * delivery builds status reports from `getEngagement` and `engagementProgress`).
 */

type EngagementRow = Selectable<EngagementsTable> & { account_name: string; lead_name: string | null };

/** Statuses in which an engagement counts toward an engaged customer relationship. */
const LIVE_STATUSES: EngagementStatus[] = ['active', 'at_risk'];

registerEngagementCounter(async (db, accountId) => {
  const row = await db
    .selectFrom('engagements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
});

const bool = (v: unknown) => Boolean(Number(v));
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function engagementRows(db: Kysely<Database>) {
  return db
    .selectFrom('engagements')
    .innerJoin('accounts', 'accounts.id', 'engagements.account_id')
    .leftJoin('members as lead', 'lead.id', 'engagements.lead_id')
    .selectAll('engagements')
    .select(['accounts.name as account_name', 'lead.name as lead_name']);
}

// ---------------------------------------------------------------- tasks, loaded per engagement

interface TaskData {
  tasks: Task[];
  byEngagement: Map<string, Task[]>;
}

/** The tasks of some engagements with owners, dependencies, blockers, time and comment counts. */
async function loadTasks(db: Kysely<Database>, where: { engagementIds?: string[]; taskIds?: string[] }, today: string): Promise<TaskData> {
  const ids = where.engagementIds ?? where.taskIds ?? [];
  if (!ids.length) return { tasks: [], byEngagement: new Map() };
  let query = db
    .selectFrom('engagement_tasks as t')
    .leftJoin('members as om', (j) => j.onRef('om.id', '=', 't.owner_id').on('t.owner_type', '=', 'member'))
    .leftJoin('contacts as oc', (j) => j.onRef('oc.id', '=', 't.owner_id').on('t.owner_type', '=', 'contact'))
    .selectAll('t')
    .select(['om.name as member_name', 'oc.name as contact_name']);
  query = where.engagementIds ? query.where('t.engagement_id', 'in', ids) : query.where('t.id', 'in', ids);
  const rows = await query.orderBy('t.engagement_id').orderBy('t.position').orderBy('t.id').execute();
  const engagementIds = [...new Set(rows.map((r) => r.engagement_id))];
  if (!engagementIds.length) return { tasks: [], byEngagement: new Map() };
  const [deps, statusRows, minutes, comments] = await Promise.all([
    db.selectFrom('task_dependencies').selectAll().where('engagement_id', 'in', engagementIds).execute(),
    // Dependencies' titles and statuses (all tasks of these engagements, when only some were asked for).
    where.engagementIds
      ? Promise.resolve(rows.map((r) => ({ id: r.id, title: r.title, status: r.status })))
      : db.selectFrom('engagement_tasks').select(['id', 'title', 'status']).where('engagement_id', 'in', engagementIds).execute(),
    db
      .selectFrom('time_entries')
      .select(['task_id'])
      .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
      .where('engagement_id', 'in', engagementIds)
      .where('task_id', 'is not', null)
      .groupBy('task_id')
      .execute(),
    db
      .selectFrom('task_comments')
      .innerJoin('engagement_tasks', 'engagement_tasks.id', 'task_comments.task_id')
      .select(['task_comments.task_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_tasks.engagement_id', 'in', engagementIds)
      .groupBy('task_comments.task_id')
      .execute(),
  ]);
  const info = new Map(statusRows.map((r) => [r.id, r]));
  const depsOf = new Map<string, string[]>();
  for (const d of deps) depsOf.set(d.task_id, [...(depsOf.get(d.task_id) ?? []), d.depends_on_id]);
  const minutesOf = new Map(minutes.map((m) => [m.task_id, Number(m.minutes)]));
  const commentsOf = new Map(comments.map((c) => [c.task_id, Number(c.n)]));
  const tasks = rows.map((r): Task => {
    const dependsOn = (depsOf.get(r.id) ?? []).sort((a, b) => (info.get(a)?.title ?? '').localeCompare(info.get(b)?.title ?? ''));
    const ownerName = r.owner_type === 'member' ? r.member_name : r.owner_type === 'contact' ? r.contact_name : null;
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

async function loggedMinutesOf(db: Kysely<Database>, engagementIds: string[]): Promise<Map<string, number>> {
  if (!engagementIds.length) return new Map();
  const rows = await db
    .selectFrom('time_entries')
    .select(['engagement_id'])
    .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
    .where('engagement_id', 'in', engagementIds)
    .groupBy('engagement_id')
    .execute();
  return new Map(rows.map((r) => [r.engagement_id!, Number(r.minutes)]));
}

/** A milestone named for the go-live ("Go-live", "Go live with the first team"…): what the schedule's go-live date measures. */
export const GO_LIVE_TITLE = /\bgo[\s-]?live\b/i;

/** The plan's go-live task: the last-due milestone whose title names the go-live; null when there is none. */
export function goLiveTaskOf<X extends { milestone: boolean; title: string; dueDate: string }>(tasks: readonly X[]): X | null {
  const named = tasks.filter((t) => t.milestone && GO_LIVE_TITLE.test(t.title));
  return named.sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0] ?? null;
}

function scheduleOf(row: EngagementRow, tasks: Task[], today: string) {
  return projectSchedule(
    tasks.map((t) => ({ id: t.id, startDate: t.startDate, dueDate: t.dueDate, status: t.status, completedAt: t.completedAt, dependsOn: t.dependsOn })),
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
  const next = tasks.filter((t) => t.milestone && t.status !== 'done').sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position)[0];
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

async function summaries(db: Kysely<Database>, rows: EngagementRow[], today: string): Promise<EngagementSummary[]> {
  const ids = rows.map((r) => r.id);
  const [{ byEngagement }, logged] = await Promise.all([loadTasks(db, { engagementIds: ids }, today), loggedMinutesOf(db, ids)]);
  return rows.map((r) => toSummary(r, byEngagement.get(r.id) ?? [], logged.get(r.id) ?? 0, today));
}

// ---------------------------------------------------------------- reading engagements

async function findRow(db: Kysely<Database>, id: string): Promise<EngagementRow> {
  const row = await engagementRows(db).where('engagements.id', '=', id).executeTakeFirst();
  if (!row) throw errors.engagementNotFound();
  return row;
}

export async function getEngagement(db: Kysely<Database>, id: string, now = new Date()): Promise<Engagement> {
  const today = dayOf(now);
  const row = await findRow(db, id);
  const [{ tasks }, logged, members, phases] = await Promise.all([
    loadTasks(db, { engagementIds: [id] }, today),
    loggedMinutesOf(db, [id]),
    db
      .selectFrom('engagement_members')
      .innerJoin('members', 'members.id', 'engagement_members.member_id')
      .select(['members.id', 'members.name'])
      .where('engagement_members.engagement_id', '=', id)
      .orderBy('members.name')
      .execute(),
    db.selectFrom('engagement_phases').selectAll().where('engagement_id', '=', id).orderBy('position').execute(),
  ]);
  return {
    ...toSummary(row, tasks, logged.get(id) ?? 0, today),
    description: row.description,
    members,
    contractStartDate: row.contract_start_date,
    opportunityRef: row.opportunity_ref,
    templateId: row.template_id,
    pocVerdict: row.poc_verdict,
    pocVerdictNote: row.poc_verdict_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    phases: phases.map((p) => {
      const own = tasks.filter((t) => t.phaseId === p.id);
      return { id: p.id, name: p.name, position: Number(p.position), startDate: minDate(own.map((t) => t.startDate)), endDate: maxDate(own.map((t) => t.dueDate)) };
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
  let query = engagementRows(db);
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
    if (after) {
      const at = String(after.sortValue);
      const id = after.id;
      page = page.where((eb) => eb.or([eb('engagements.start_date', '<', at), eb.and([eb('engagements.start_date', '=', at), eb('engagements.id', '<', id)])]));
    }
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

// ---------------------------------------------------------------- writing engagements

async function requireActiveMember(db: Kysely<Database>, id: string, field: string): Promise<void> {
  const member = await db.selectFrom('members').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!member || member.status === 'disabled') throw errors.referenceMissing('active member', field);
}

function checkDates(start: string, pairs: [field: string, date: string | null | undefined, label: string][]): void {
  for (const [field, date, label] of pairs)
    if (date && date < start) throw errors.datesOutOfOrder(field, `The ${label} (${date}) is before the start date (${start}); it must be on or after it.`);
}

/** Who owns each templated task: see the contract (lead → engagement team → account team by role; customer role → contact). */
async function ownerResolver(db: Kysely<Database>, accountId: string, leadId: string | null, memberIds: string[]) {
  const team = [...new Set([...(leadId ? [leadId] : []), ...memberIds])];
  const [roles, accountTeam, contacts] = await Promise.all([
    team.length ? db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', team).execute() : Promise.resolve([]),
    db
      .selectFrom('account_team')
      .innerJoin('members', 'members.id', 'account_team.member_id')
      .select(['account_team.role', 'account_team.member_id'])
      .where('account_team.account_id', '=', accountId)
      .where('members.status', '!=', 'disabled')
      .execute(),
    db.selectFrom('contacts').select(['id', 'customer_role']).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute(),
  ]);
  return (side: 'team' | 'customer', role: string | null): { type: 'member' | 'contact'; id: string } | null => {
    if (!role) return null;
    if (side === 'customer') {
      const contact = contacts.find((c) => c.customer_role === role);
      return contact ? { type: 'contact', id: contact.id } : null;
    }
    const inTeam = team.find((m) => roles.some((r) => r.member_id === m && r.role === role));
    if (inTeam) return { type: 'member', id: inTeam };
    const slot = accountTeam.find((s) => s.role === role);
    return slot ? { type: 'member', id: slot.member_id } : null;
  };
}

function plainEngagement(r: Selectable<EngagementsTable>) {
  return {
    name: r.name,
    kind: r.kind,
    description: r.description,
    status: r.status,
    leadId: r.lead_id,
    startDate: r.start_date,
    targetGoLiveDate: r.target_go_live_date,
    actualGoLiveDate: r.actual_go_live_date,
    contractStartDate: r.contract_start_date,
    budgetHours: Number(r.budget_hours),
    opportunityRef: r.opportunity_ref,
  };
}

/**
 * Creates an engagement; with a template, lays out its plan from the start date in working days
 * (see `layoutPlan`) and assigns owners by role. The target go-live defaults to the plan's end.
 */
export async function createEngagement(db: Kysely<Database>, ctx: ChangeContext, input: CreateEngagementInput, now = new Date()): Promise<Engagement> {
  const account = await db.selectFrom('accounts').select(['id']).where('id', '=', input.accountId).executeTakeFirst();
  if (!account) throw errors.referenceMissing('account', 'accountId');
  if (input.leadId) await requireActiveMember(db, input.leadId, 'leadId');
  const memberIds = [...new Set(input.memberIds ?? [])];
  for (const [i, m] of memberIds.entries()) await requireActiveMember(db, m, `memberIds.${i}`);
  let template = null;
  if (input.templateId) {
    template = await getTemplate(db, input.templateId).catch((e: unknown) => {
      if (e instanceof Error && 'code' in e && e.code === 'engagement_templates.not_found') throw errors.referenceMissing('engagement template', 'templateId');
      throw e;
    });
    if (template.archived) throw errors.templateArchived({ field: 'templateId' });
  }
  const templateTasks = template ? template.phases.flatMap((p) => p.tasks) : [];
  const dated = layoutPlan(templateTasks, input.startDate);
  // The target defaults to the plan's go-live milestone, or the plan's end when it has none.
  const goLiveTask = goLiveTaskOf(templateTasks.map((t) => ({ ...t, dueDate: dated.get(t.key)!.dueDate })));
  const planEnd = goLiveTask ? goLiveTask.dueDate : maxDate([...dated.values()].map((d) => d.dueDate));
  const target = input.targetGoLiveDate === undefined || input.targetGoLiveDate === null ? (template ? planEnd : null) : input.targetGoLiveDate;
  checkDates(input.startDate, [['targetGoLiveDate', input.targetGoLiveDate, 'target go-live date']]);
  const ownerOf = await ownerResolver(db, input.accountId, input.leadId ?? null, memberIds);
  const id = newId();
  const at = now.toISOString();
  const status = input.status ?? 'planned';
  const row: Selectable<EngagementsTable> = {
    id,
    account_id: input.accountId,
    kind: input.kind,
    name: input.name,
    description: input.description ?? null,
    status,
    lead_id: input.leadId ?? null,
    template_id: template?.id ?? null,
    contract_start_date: input.contractStartDate ?? null,
    start_date: input.startDate,
    target_go_live_date: target,
    actual_go_live_date: null,
    budget_hours: input.budgetHours,
    opportunity_ref: input.opportunityRef ?? null,
    poc_verdict: input.kind === 'proof_of_concept' ? 'pending' : null,
    poc_verdict_note: null,
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('engagements').values(row).execute();
    if (memberIds.length) await trx.insertInto('engagement_members').values(memberIds.map((m) => ({ engagement_id: id, member_id: m }))).execute();
    if (template) {
      const taskIds = new Map<string, string>();
      let position = 0;
      for (const phase of template.phases) {
        const phaseId = newId();
        await trx.insertInto('engagement_phases').values({ id: phaseId, engagement_id: id, name: phase.name, position: phase.position }).execute();
        for (const task of phase.tasks) {
          const taskId = newId();
          taskIds.set(task.key, taskId);
          const owner = ownerOf(task.ownerSide, task.ownerRole);
          const dates = dated.get(task.key)!;
          await trx
            .insertInto('engagement_tasks')
            .values({
              id: taskId,
              engagement_id: id,
              phase_id: phaseId,
              position: position++,
              title: task.title,
              description: task.description,
              owner_type: owner?.type ?? null,
              owner_id: owner?.id ?? null,
              customer_visible: task.customerVisible || task.ownerSide === 'customer' ? 1 : 0,
              milestone: task.milestone ? 1 : 0,
              start_date: dates.startDate,
              due_date: dates.dueDate,
              status: 'todo',
              completed_at: null,
              created_at: at,
              updated_at: at,
            })
            .execute();
        }
      }
      const deps = templateTasks.flatMap((t) => t.dependsOn.map((d) => ({ task_id: taskIds.get(t.key)!, depends_on_id: taskIds.get(d)!, engagement_id: id })));
      if (deps.length) await trx.insertInto('task_dependencies').values(deps).execute();
    }
    await recordAudit(trx, ctx, {
      action: 'engagement.created',
      recordType: 'engagement',
      recordId: id,
      changes: diff(null, { ...plainEngagement(row), accountId: row.account_id, templateId: row.template_id, memberIds, tasks: templateTasks.length || null }),
    });
    if (LIVE_STATUSES.includes(status)) await refreshRelationship(trx, input.accountId, now);
  });
  return getEngagement(db, id, now);
}

export async function updateEngagement(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateEngagementInput, now = new Date()): Promise<Engagement> {
  const before = await db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw errors.engagementNotFound();
  if (input.leadId) await requireActiveMember(db, input.leadId, 'leadId');
  if (input.memberIds) for (const [i, m] of input.memberIds.entries()) await requireActiveMember(db, m, `memberIds.${i}`);
  const start = input.startDate ?? before.start_date;
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const after: Selectable<EngagementsTable> = {
    ...before,
    name: input.name ?? before.name,
    description: pick(input.description, before.description) ?? null,
    status: input.status ?? before.status,
    lead_id: pick(input.leadId, before.lead_id) ?? null,
    start_date: start,
    target_go_live_date: pick(input.targetGoLiveDate, before.target_go_live_date) ?? null,
    actual_go_live_date: pick(input.actualGoLiveDate, before.actual_go_live_date) ?? null,
    contract_start_date: pick(input.contractStartDate, before.contract_start_date) ?? null,
    budget_hours: input.budgetHours ?? Number(before.budget_hours),
    opportunity_ref: pick(input.opportunityRef, before.opportunity_ref) ?? null,
    updated_at: now.toISOString(),
  };
  // Name the field the person changed when the pair is out of order.
  const startMoved = input.startDate !== undefined && input.targetGoLiveDate === undefined && input.actualGoLiveDate === undefined;
  for (const [field, date, label] of [
    ['targetGoLiveDate', after.target_go_live_date, 'target go-live date'],
    ['actualGoLiveDate', after.actual_go_live_date, 'actual go-live date'],
  ] as const)
    if (date && date < start)
      throw errors.datesOutOfOrder(startMoved ? 'startDate' : field, `The ${label} (${date}) is before the start date (${start}); it must be on or after it.`);
  const beforeMembers = (await db.selectFrom('engagement_members').select('member_id').where('engagement_id', '=', id).execute()).map((m) => m.member_id).sort();
  await inTransaction(db, async (trx) => {
    const { id: _id, ...values } = after;
    await trx.updateTable('engagements').set(values).where('id', '=', id).execute();
    const memberIds = input.memberIds ? [...new Set(input.memberIds)].sort() : beforeMembers;
    if (input.memberIds) {
      await trx.deleteFrom('engagement_members').where('engagement_id', '=', id).execute();
      if (memberIds.length) await trx.insertInto('engagement_members').values(memberIds.map((m) => ({ engagement_id: id, member_id: m }))).execute();
    }
    await recordAudit(trx, ctx, {
      action: 'engagement.updated',
      recordType: 'engagement',
      recordId: id,
      changes: diff({ ...plainEngagement(before), memberIds: beforeMembers }, { ...plainEngagement(after), memberIds }),
    });
    if (after.status !== before.status) await refreshRelationship(trx, before.account_id, now);
  });
  return getEngagement(db, id, now);
}

/** A proof of concept's overall verdict (the records part of delivery writes it with the success criteria). */
export async function setPocVerdict(db: Kysely<Database>, ctx: ChangeContext, engagementId: string, verdict: PocVerdict | null, note: string | null): Promise<void> {
  const before = await db.selectFrom('engagements').select(['poc_verdict', 'poc_verdict_note']).where('id', '=', engagementId).executeTakeFirst();
  if (!before) throw errors.engagementNotFound();
  await inTransaction(db, async (trx) => {
    await trx.updateTable('engagements').set({ poc_verdict: verdict, poc_verdict_note: note, updated_at: new Date().toISOString() }).where('id', '=', engagementId).execute();
    await recordAudit(trx, ctx, {
      action: 'engagement.poc_verdict_set',
      recordType: 'engagement',
      recordId: engagementId,
      changes: diff({ pocVerdict: before.poc_verdict, pocVerdictNote: before.poc_verdict_note }, { pocVerdict: verdict, pocVerdictNote: note }),
    });
  });
}

// ---------------------------------------------------------------- tasks

export async function getTask(db: Kysely<Database>, id: string, now = new Date()): Promise<Task> {
  const { tasks } = await loadTasks(db, { taskIds: [id] }, dayOf(now));
  if (!tasks[0]) throw errors.taskNotFound();
  return tasks[0];
}

async function checkOwner(db: Kysely<Database>, accountId: string, owner: { type: 'member' | 'contact'; id: string }): Promise<void> {
  if (owner.type === 'member') return requireActiveMember(db, owner.id, 'owner.id');
  const contact = await db.selectFrom('contacts').select(['account_id']).where('id', '=', owner.id).executeTakeFirst();
  if (!contact || contact.account_id !== accountId) throw errors.referenceMissing('contact of this engagement’s account', 'owner.id');
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
  const edges = await db.selectFrom('task_dependencies').select(['task_id', 'depends_on_id']).where('engagement_id', '=', engagementId).execute();
  const graph = new Map<string, string[]>(all.map((t) => [t.id, []]));
  graph.set(taskId, []);
  for (const e of edges) if (e.task_id !== taskId) graph.get(e.task_id)?.push(e.depends_on_id);
  graph.set(taskId, dependsOn);
  const cycle = findCycle(graph);
  if (cycle) throw errors.dependencyCycle('dependsOn', cycle, cycle.map((c) => titles.get(c) ?? 'this task'));
}

function taskAuditShape(t: { phaseId: string | null; title: string; description: string | null; owner: { type: string; id: string } | null; customerVisible: boolean; milestone: boolean; startDate: string; dueDate: string; status: string; dependsOn: string[] }) {
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

export async function createTask(db: Kysely<Database>, ctx: ChangeContext, engagementId: string, input: CreateTaskInput, now = new Date()): Promise<Task> {
  const engagement = await db.selectFrom('engagements').select(['id', 'account_id']).where('id', '=', engagementId).executeTakeFirst();
  if (!engagement) throw errors.engagementNotFound();
  if (input.phaseId) await checkPhase(db, engagementId, input.phaseId);
  if (input.owner) await checkOwner(db, engagement.account_id, input.owner);
  if (input.dueDate < input.startDate) throw errors.datesOutOfOrder('dueDate', `The due date (${input.dueDate}) is before the start date (${input.startDate}).`);
  const id = newId();
  const dependsOn = [...new Set(input.dependsOn ?? [])];
  await checkDependencies(db, engagementId, id, dependsOn);
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const last = await trx.selectFrom('engagement_tasks').select((eb) => eb.fn.max('position').as('p')).where('engagement_id', '=', engagementId).executeTakeFirst();
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
    if (dependsOn.length) await trx.insertInto('task_dependencies').values(dependsOn.map((d) => ({ task_id: id, depends_on_id: d, engagement_id: engagementId }))).execute();
    await recordAudit(trx, ctx, {
      action: 'task.created',
      recordType: 'engagement_task',
      recordId: id,
      changes: diff(null, {
        engagementId,
        ...taskAuditShape({ phaseId: input.phaseId ?? null, title: input.title, description: input.description ?? null, owner: input.owner ?? null, customerVisible: !!input.customerVisible, milestone: !!input.milestone, startDate: input.startDate, dueDate: input.dueDate, status: 'todo', dependsOn }),
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
export async function updateTask(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateTaskInput, now = new Date()): Promise<Task> {
  const before = await getTask(db, id, now);
  const engagement = await db.selectFrom('engagements').select(['id', 'account_id']).where('id', '=', before.engagementId).executeTakeFirst();
  if (!engagement) throw errors.engagementNotFound();
  if (input.phaseId) await checkPhase(db, engagement.id, input.phaseId);
  if (input.owner) await checkOwner(db, engagement.account_id, input.owner);
  const startDate = input.startDate ?? before.startDate;
  const dueDate = input.dueDate ?? before.dueDate;
  if (dueDate < startDate) throw errors.datesOutOfOrder(input.dueDate !== undefined || input.startDate === undefined ? 'dueDate' : 'startDate', `The due date (${dueDate}) is before the start date (${startDate}).`);
  const dependsOn = input.dependsOn ? [...new Set(input.dependsOn)] : before.dependsOn;
  if (input.dependsOn) await checkDependencies(db, engagement.id, id, dependsOn);
  const status = input.status ?? before.status;
  if (status !== 'todo' && status !== before.status) {
    const blockers = dependsOn.length
      ? await db.selectFrom('engagement_tasks').select(['id', 'title', 'status']).where('id', 'in', dependsOn).where('status', '!=', 'done').orderBy('title').execute()
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
      if (dependsOn.length) await trx.insertInto('task_dependencies').values(dependsOn.map((d) => ({ task_id: id, depends_on_id: d, engagement_id: engagement.id }))).execute();
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
    await trx.updateTable('time_entries').set({ task_id: null }).where('task_id', '=', id).execute();
    await trx.deleteFrom('task_comments').where('task_id', '=', id).execute();
    await trx.deleteFrom('task_dependencies').where((eb) => eb.or([eb('task_id', '=', id), eb('depends_on_id', '=', id)])).execute();
    await trx.deleteFrom('engagement_tasks').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'task.deleted', recordType: 'engagement_task', recordId: id, changes: diff({ engagementId: before.engagementId, ...taskAuditShape(before) }, null) });
    await touch(trx, before.engagementId, now.toISOString());
  });
}

// ---------------------------------------------------------------- comments and time

export async function listComments(db: Kysely<Database>, taskId: string): Promise<TaskComment[]> {
  await getTask(db, taskId);
  const rows = await db
    .selectFrom('task_comments as c')
    .leftJoin('members as m', (j) => j.onRef('m.id', '=', 'c.author_id').on('c.author_type', '=', 'member'))
    .leftJoin('contacts as k', (j) => j.onRef('k.id', '=', 'c.author_id').on('c.author_type', '=', 'contact'))
    .selectAll('c')
    .select(['m.name as member_name', 'k.name as contact_name'])
    .where('c.task_id', '=', taskId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    author: { type: r.author_type, id: r.author_id, name: (r.author_type === 'member' ? r.member_name : r.contact_name) ?? '(removed)' },
    body: r.body,
    createdAt: r.created_at,
  }));
}

export async function addComment(db: Kysely<Database>, ctx: ChangeContext, taskId: string, author: { type: 'member' | 'contact'; id: string }, body: string, now = new Date()): Promise<TaskComment> {
  const task = await getTask(db, taskId, now);
  const id = newId();
  await inTransaction(db, async (trx) => {
    await trx.insertInto('task_comments').values({ id, task_id: taskId, author_type: author.type, author_id: author.id, body, created_at: now.toISOString() }).execute();
    await recordAudit(trx, ctx, { action: 'task.commented', recordType: 'engagement_task', recordId: taskId, changes: diff(null, { commentId: id, engagementId: task.engagementId }) });
  });
  return (await listComments(db, taskId)).find((c) => c.id === id)!;
}

/** Logs a member's time on a task: a time entry of theirs with the engagement, account and task. */
export async function logTaskTime(db: Kysely<Database>, ctx: ChangeContext, taskId: string, memberId: string, input: TaskTimeInput, now = new Date()): Promise<TimeEntry> {
  const task = await getTask(db, taskId, now);
  const engagement = await db.selectFrom('engagements').select(['id', 'account_id']).where('id', '=', task.engagementId).executeTakeFirstOrThrow();
  return logTime(
    db,
    ctx,
    { memberId, minutes: input.minutes, category: input.category, engagementId: engagement.id, accountId: engagement.account_id, taskId, note: input.note, startedAt: input.startedAt },
    now,
  );
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
  const [{ tasks }, entries] = await Promise.all([
    loadTasks(db, { engagementIds: [id] }, today),
    db.selectFrom('time_entries').select(['started_at', 'minutes']).where('engagement_id', '=', id).execute(),
  ]);
  const loggedMinutes = entries.reduce((sum, e) => sum + Number(e.minutes), 0);
  const budgetHours = Number(row.budget_hours);
  const loggedHours = hours(loggedMinutes);
  const schedule = scheduleOf(row, tasks, today);
  // A finished engagement's burn stops at its go-live (or today, if time is still logged after it).
  const lastEntry = maxDate(entries.map((e) => dayOf(e.started_at)));
  const burnEnd = row.status === 'done' && row.actual_go_live_date ? (maxDate([row.actual_go_live_date, lastEntry]) ?? today) : today;
  return {
    budgetHours,
    loggedHours,
    remainingHours: Math.round((budgetHours - loggedHours) * 100) / 100,
    burnDown: burnDown(budgetHours, row.start_date, row.target_go_live_date, burnEnd < today ? burnEnd : today, entries.map((e) => ({ day: dayOf(e.started_at), minutes: Number(e.minutes) }))),
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
    .innerJoin('accounts', 'accounts.id', 'engagements.account_id')
    .select(['engagement_tasks.id', 'engagements.id as engagement_id', 'engagements.name as engagement_name', 'engagements.kind', 'accounts.id as account_id', 'accounts.name as account_name'])
    .where('engagement_tasks.owner_type', '=', 'member')
    .where('engagement_tasks.owner_id', '=', memberId)
    .where('engagement_tasks.status', status === 'open' ? 'in' : '=', status === 'open' ? ['todo', 'in_progress'] : 'done')
    .where('engagements.status', '!=', 'cancelled')
    .orderBy(status === 'open' ? 'engagement_tasks.due_date' : 'engagement_tasks.completed_at', status === 'open' ? 'asc' : 'desc')
    .orderBy('engagement_tasks.id')
    .limit(500)
    .execute();
  const { tasks } = await loadTasks(db, { taskIds: rows.map((r) => r.id) }, dayOf(now));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return rows.map((r) => ({ ...byId.get(r.id)!, engagement: { id: r.engagement_id, name: r.engagement_name, kind: r.kind }, account: { id: r.account_id, name: r.account_name } }));
}

/** Contract start → actual go-live per engagement that has both (one account's, or all), and the average. */
export async function timeToValue(db: Kysely<Database>, filter: { accountId?: string | undefined } = {}): Promise<TimeToValue> {
  let query = db
    .selectFrom('engagements')
    .innerJoin('accounts', 'accounts.id', 'engagements.account_id')
    .select(['engagements.id', 'engagements.name', 'engagements.contract_start_date', 'engagements.actual_go_live_date', 'accounts.id as account_id', 'accounts.name as account_name'])
    .where('engagements.contract_start_date', 'is not', null)
    .where('engagements.actual_go_live_date', 'is not', null)
    .where('engagements.status', '!=', 'cancelled');
  if (filter.accountId) query = query.where('engagements.account_id', '=', filter.accountId);
  const rows = await query.orderBy('engagements.actual_go_live_date', 'desc').orderBy('engagements.id').limit(1000).execute();
  const items = rows.map((r) => ({
    account: { id: r.account_id, name: r.account_name },
    engagement: { id: r.id, name: r.name },
    contractStartDate: r.contract_start_date!,
    goLiveDate: r.actual_go_live_date!,
    days: timeToValueDays(r.contract_start_date, r.actual_go_live_date)!,
  }));
  return { averageDays: averageDays(items.map((i) => i.days)), items };
}
