import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { findCycle, planDurationDays } from './plan.js';
import type { Template, TemplateInput, TemplatePutInput, TemplateSummary, TemplateTask } from '../contract/engagements.js';
import type { TemplateTasksTable } from './tables.js';

/**
 * Engagement templates: phases of tasks with owners by role, durations and dependencies. An
 * engagement copies its template's plan when it is created, so editing a template never changes
 * running engagements.
 */

type TaskRow = Selectable<TemplateTasksTable>;

function toTemplateTask(r: TaskRow, deps: string[]): TemplateTask {
  return {
    key: r.key,
    title: r.title,
    description: r.description,
    ownerSide: r.owner_side,
    ownerRole: r.owner_role,
    startOffsetDays: Number(r.start_offset_days),
    durationDays: Number(r.duration_days),
    dependsOn: deps,
    customerVisible: Boolean(Number(r.customer_visible)),
    milestone: Boolean(Number(r.milestone)),
  };
}

async function depsOf(db: Kysely<Database>, templateIds: string[]): Promise<Map<string, Map<string, string[]>>> {
  const out = new Map<string, Map<string, string[]>>();
  if (!templateIds.length) return out;
  const rows = await db
    .selectFrom('template_task_dependencies')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('depends_on_key')
    .execute();
  for (const r of rows) {
    const byTask = out.get(r.template_id) ?? new Map<string, string[]>();
    out.set(r.template_id, byTask);
    byTask.set(r.task_key, [...(byTask.get(r.task_key) ?? []), r.depends_on_key]);
  }
  return out;
}

export async function getTemplate(db: Kysely<Database>, id: string): Promise<Template> {
  const row = await db.selectFrom('engagement_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.templateNotFound();
  const [phases, tasks, deps] = await Promise.all([
    db.selectFrom('template_phases').selectAll().where('template_id', '=', id).orderBy('position').execute(),
    db.selectFrom('template_tasks').selectAll().where('template_id', '=', id).orderBy('position').execute(),
    depsOf(db, [id]),
  ]);
  const taskDeps = deps.get(id) ?? new Map<string, string[]>();
  const all = tasks.map((t) => toTemplateTask(t, taskDeps.get(t.key) ?? []));
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    archived: Boolean(Number(row.archived)),
    durationDays: planDurationDays(all),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    phases: phases.map((p) => ({
      id: p.id,
      name: p.name,
      position: Number(p.position),
      tasks: tasks.filter((t) => t.phase_id === p.id).map((t) => toTemplateTask(t, taskDeps.get(t.key) ?? [])),
    })),
  };
}

/** Every template (archived ones on request), by name, with its size and length. */
export async function listTemplates(db: Kysely<Database>, opts: { includeArchived?: boolean } = {}): Promise<TemplateSummary[]> {
  let query = db.selectFrom('engagement_templates').selectAll().orderBy('name').orderBy('id');
  if (!opts.includeArchived) query = query.where('archived', '=', 0);
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [phaseCounts, tasks, deps] = await Promise.all([
    db
      .selectFrom('template_phases')
      .select(['template_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('template_id', 'in', ids)
      .groupBy('template_id')
      .execute(),
    db
      .selectFrom('template_tasks')
      .select(['template_id', 'key', 'start_offset_days', 'duration_days'])
      .where('template_id', 'in', ids)
      .execute(),
    depsOf(db, ids),
  ]);
  return rows.map((r) => {
    const own = tasks.filter((t) => t.template_id === r.id);
    const taskDeps = deps.get(r.id) ?? new Map<string, string[]>();
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      description: r.description,
      phaseCount: Number(phaseCounts.find((p) => p.template_id === r.id)?.n ?? 0),
      taskCount: own.length,
      durationDays: planDurationDays(
        own.map((t) => ({
          key: t.key,
          startOffsetDays: Number(t.start_offset_days),
          durationDays: Number(t.duration_days),
          dependsOn: taskDeps.get(t.key) ?? [],
        })),
      ),
      archived: Boolean(Number(r.archived)),
    };
  });
}

/** Unique keys, dependencies on keys of this template, and no circles; errors name the form field. */
function checkPlan(input: TemplateInput): void {
  const keys = new Map<string, string>();
  input.phases.forEach((phase, pi) =>
    phase.tasks.forEach((task, ti) => {
      const field = `phases.${pi}.tasks.${ti}.key`;
      if (keys.has(task.key)) throw errors.templateTaskKeyDuplicate(field, task.key);
      keys.set(task.key, task.title);
    }),
  );
  input.phases.forEach((phase, pi) =>
    phase.tasks.forEach((task, ti) => {
      for (const dep of task.dependsOn) if (!keys.has(dep)) throw errors.dependencyUnknown(`phases.${pi}.tasks.${ti}.dependsOn`, dep);
    }),
  );
  const graph = new Map(input.phases.flatMap((p) => p.tasks.map((t) => [t.key, t.dependsOn] as const)));
  const cycle = findCycle(graph);
  if (cycle)
    throw errors.dependencyCycle(
      'phases',
      cycle,
      cycle.map((k) => keys.get(k) ?? k),
    );
}

async function writePlan(trx: Kysely<Database>, templateId: string, input: TemplateInput): Promise<void> {
  let position = 0;
  for (const [pi, phase] of input.phases.entries()) {
    const phaseId = newId();
    await trx.insertInto('template_phases').values({ id: phaseId, template_id: templateId, name: phase.name, position: pi }).execute();
    for (const task of phase.tasks) {
      await trx
        .insertInto('template_tasks')
        .values({
          id: newId(),
          template_id: templateId,
          phase_id: phaseId,
          key: task.key,
          position: position++,
          title: task.title,
          description: task.description ?? null,
          owner_side: task.ownerSide,
          owner_role: task.ownerRole ?? null,
          start_offset_days: task.startOffsetDays,
          duration_days: task.durationDays,
          customer_visible: task.customerVisible ? 1 : 0,
          milestone: task.milestone ? 1 : 0,
        })
        .execute();
      const deps = [...new Set(task.dependsOn)];
      if (deps.length)
        await trx
          .insertInto('template_task_dependencies')
          .values(deps.map((d) => ({ template_id: templateId, task_key: task.key, depends_on_key: d })))
          .execute();
    }
  }
}

function auditShape(input: TemplateInput & { archived?: boolean | undefined }) {
  return {
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    phases: input.phases.map((p) => ({ name: p.name, tasks: p.tasks.map((t) => t.key) })),
    ...(input.archived !== undefined ? { archived: input.archived } : {}),
  };
}

export async function createTemplate(db: Kysely<Database>, ctx: ChangeContext, input: TemplateInput, now = new Date()): Promise<Template> {
  checkPlan(input);
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('engagement_templates')
      .values({
        id,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        archived: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writePlan(trx, id, input);
    await recordAudit(trx, ctx, {
      action: 'engagement_template.created',
      recordType: 'engagement_template',
      recordId: id,
      changes: diff(null, auditShape(input)),
    });
  });
  return getTemplate(db, id);
}

/** Replaces the template's phases and tasks (running engagements keep their own copies). */
export async function updateTemplate(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: TemplatePutInput,
  now = new Date(),
): Promise<Template> {
  const before = await getTemplate(db, id);
  checkPlan(input);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('engagement_templates')
      .set({
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('template_task_dependencies').where('template_id', '=', id).execute();
    await trx.deleteFrom('template_tasks').where('template_id', '=', id).execute();
    await trx.deleteFrom('template_phases').where('template_id', '=', id).execute();
    await writePlan(trx, id, input);
    const beforeShape = auditShape({
      name: before.name,
      kind: before.kind,
      description: before.description,
      archived: before.archived,
      phases: before.phases.map((p) => ({ name: p.name, tasks: p.tasks.map((t) => ({ ...t, description: t.description })) })),
    });
    await recordAudit(trx, ctx, {
      action: 'engagement_template.updated',
      recordType: 'engagement_template',
      recordId: id,
      changes: diff(beforeShape, auditShape({ ...input, archived: input.archived ?? before.archived })),
    });
  });
  return getTemplate(db, id);
}
