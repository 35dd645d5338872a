import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import { accountExists, accountTeamSlots, contactRolesOf, refreshRelationship } from '../../accounts/index.js';
import { memberRefs, memberRoleSets } from '../../team/index.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { addWorkingDays, layoutPlan, maxDate, workingDaysBetween } from './plan.js';
import type { CreateEngagementInput, Engagement, UpdateEngagementInput } from '../contract/engagements.js';
import type { EngagementsTable, PocVerdict } from './tables.js';
import { getTemplate } from './template-service.js';
import { getEngagement, goLiveTaskOf, linkedOpportunity, LIVE_STATUSES } from './engagement-read.js';
import { deliveryPorts } from '../ports.js';

/** Creating and changing engagements: laid out from a template, dates checked, every change audited. */

// ---------------------------------------------------------------- writing engagements

export async function requireActiveMember(db: Kysely<Database>, id: string, field: string): Promise<void> {
  await requireActiveMembers(db, [[id, field]]);
}

/** Members named on a record, checked in one read: each must exist and not be disabled (422 on the first that fails). */
async function requireActiveMembers(db: Kysely<Database>, named: [id: string, field: string][]): Promise<void> {
  const members = await memberRefs(
    db,
    named.map(([id]) => id),
  );
  for (const [id, field] of named) {
    const member = members.get(id);
    if (!member || member.status === 'disabled') throw errors.referenceMissing('active member', field);
  }
}

/** The deal an engagement serves must exist (422) and be its own account's (422). */
async function requireOpportunityOfAccount(db: Kysely<Database>, opportunityId: string, accountId: string): Promise<void> {
  const opportunity = await linkedOpportunity(db, opportunityId);
  if (!opportunity) throw errors.referenceMissing('opportunity', 'opportunityId');
  if (opportunity.accountId !== accountId) throw errors.engagementOpportunityNotOnAccount({ field: 'opportunityId' });
}

function checkDates(start: string, pairs: [field: string, date: string | null | undefined, label: string][]): void {
  for (const [field, date, label] of pairs)
    if (date && date < start)
      throw errors.datesOutOfOrder(field, `The ${label} (${date}) is before the start date (${start}); it must be on or after it.`);
}

/** Who owns each templated task: see the contract (lead → engagement team → account team by role; customer role → contact). */
async function ownerResolver(db: Kysely<Database>, accountId: string, leadId: string | null, memberIds: string[]) {
  const team = [...new Set([...(leadId ? [leadId] : []), ...memberIds])];
  const [roles, slots, contacts] = await Promise.all([
    memberRoleSets(db, team),
    accountTeamSlots(db, accountId),
    contactRolesOf(db, accountId),
  ]);
  // Account team slots held by a disabled member do not count.
  const holders = await memberRefs(
    db,
    slots.map((s) => s.memberId),
  );
  const accountTeam = slots.filter((s) => holders.has(s.memberId) && holders.get(s.memberId)!.status !== 'disabled');
  return (side: 'team' | 'customer', role: string | null): { type: 'member' | 'contact'; id: string } | null => {
    if (!role) return null;
    if (side === 'customer') {
      const contact = contacts.find((c) => c.customerRole === role);
      return contact ? { type: 'contact', id: contact.id } : null;
    }
    const inTeam = team.find((m) => roles.get(m)?.includes(role));
    if (inTeam) return { type: 'member', id: inTeam };
    const slot = accountTeam.find((s) => s.role === role);
    return slot ? { type: 'member', id: slot.memberId } : null;
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
    opportunityId: r.opportunity_id,
  };
}

/**
 * Creates an engagement; with a template, lays out its plan from the start date in working days
 * (see `layoutPlan`) and assigns owners by role. The target go-live defaults to the plan's end.
 */
export async function createEngagement(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: CreateEngagementInput,
  now = new Date(),
): Promise<Engagement> {
  if (!(await accountExists(db, input.accountId))) throw errors.referenceMissing('account', 'accountId');
  if (input.opportunityId) await requireOpportunityOfAccount(db, input.opportunityId, input.accountId);
  const memberIds = [...new Set(input.memberIds ?? [])];
  await requireActiveMembers(db, [
    ...(input.leadId ? [[input.leadId, 'leadId'] as [string, string]] : []),
    ...memberIds.map((m, i): [string, string] => [m, `memberIds.${i}`]),
  ]);
  let template = null;
  if (input.templateId) {
    template = await getTemplate(db, input.templateId).catch((e: unknown) => {
      if (e instanceof Error && 'code' in e && e.code === 'engagement_templates.not_found')
        throw errors.referenceMissing('engagement template', 'templateId');
      throw e;
    });
    if (template.archived) throw errors.templateArchived({ field: 'templateId' });
  }
  const templateTasks = template ? template.phases.flatMap((p) => p.tasks) : [];
  const dated = layoutPlan(templateTasks, input.startDate);
  // The target defaults to the plan's go-live milestone, or the plan's end when it has none.
  const goLiveTask = goLiveTaskOf(templateTasks.map((t) => ({ ...t, dueDate: dated.get(t.key)!.dueDate })));
  const planEnd = goLiveTask ? goLiveTask.dueDate : maxDate([...dated.values()].map((d) => d.dueDate));
  const target =
    input.targetGoLiveDate === undefined || input.targetGoLiveDate === null ? (template ? planEnd : null) : input.targetGoLiveDate;
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
    opportunity_id: input.opportunityId ?? null,
    poc_verdict: input.kind === 'proof_of_concept' ? 'pending' : null,
    poc_verdict_note: null,
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('engagements').values(row).execute();
    if (memberIds.length)
      await trx
        .insertInto('engagement_members')
        .values(memberIds.map((m) => ({ engagement_id: id, member_id: m })))
        .execute();
    if (template) {
      const taskIds = new Map<string, string>();
      let position = 0;
      for (const phase of template.phases) {
        const phaseId = newId();
        await trx
          .insertInto('engagement_phases')
          .values({ id: phaseId, engagement_id: id, name: phase.name, position: phase.position })
          .execute();
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
      const deps = templateTasks.flatMap((t) =>
        t.dependsOn.map((d) => ({ task_id: taskIds.get(t.key)!, depends_on_id: taskIds.get(d)!, engagement_id: id })),
      );
      if (deps.length) await trx.insertInto('task_dependencies').values(deps).execute();
    }
    await recordAudit(trx, ctx, {
      action: 'engagement.created',
      recordType: 'engagement',
      recordId: id,
      changes: diff(null, {
        ...plainEngagement(row),
        accountId: row.account_id,
        templateId: row.template_id,
        memberIds,
        tasks: templateTasks.length || null,
      }),
    });
    if (LIVE_STATUSES.includes(status)) await refreshRelationship(trx, input.accountId, now);
  });
  return getEngagement(db, id, now);
}

export async function updateEngagement(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateEngagementInput,
  now = new Date(),
): Promise<Engagement> {
  const before = await db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw errors.engagementNotFound();
  await requireActiveMembers(db, [
    ...(input.leadId ? [[input.leadId, 'leadId'] as [string, string]] : []),
    ...(input.memberIds ?? []).map((m, i): [string, string] => [m, `memberIds.${i}`]),
  ]);
  if (input.opportunityId && input.opportunityId !== before.opportunity_id)
    await requireOpportunityOfAccount(db, input.opportunityId, before.account_id);
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
    opportunity_id: pick(input.opportunityId, before.opportunity_id) ?? null,
    updated_at: now.toISOString(),
  };
  // Name the field the person changed when the pair is out of order.
  const startMoved = input.startDate !== undefined && input.targetGoLiveDate === undefined && input.actualGoLiveDate === undefined;
  for (const [field, date, label] of [
    ['targetGoLiveDate', after.target_go_live_date, 'target go-live date'],
    ['actualGoLiveDate', after.actual_go_live_date, 'actual go-live date'],
  ] as const)
    if (date && date < start)
      throw errors.datesOutOfOrder(
        startMoved ? 'startDate' : field,
        `The ${label} (${date}) is before the start date (${start}); it must be on or after it.`,
      );
  const beforeMembers = (await db.selectFrom('engagement_members').select('member_id').where('engagement_id', '=', id).execute())
    .map((m) => m.member_id)
    .sort();
  await inTransaction(db, async (trx) => {
    const { id: _id, ...values } = after;
    await trx.updateTable('engagements').set(values).where('id', '=', id).execute();
    const shiftedTasks = start !== before.start_date ? await shiftOpenTasks(trx, id, workingDaysBetween(before.start_date, start), now) : 0;
    const memberIds = input.memberIds ? [...new Set(input.memberIds)].sort() : beforeMembers;
    if (input.memberIds) {
      await trx.deleteFrom('engagement_members').where('engagement_id', '=', id).execute();
      if (memberIds.length)
        await trx
          .insertInto('engagement_members')
          .values(memberIds.map((m) => ({ engagement_id: id, member_id: m })))
          .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'engagement.updated',
      recordType: 'engagement',
      recordId: id,
      changes: {
        ...diff({ ...plainEngagement(before), memberIds: beforeMembers }, { ...plainEngagement(after), memberIds }),
        ...(shiftedTasks ? { tasksRescheduled: [0, shiftedTasks] } : {}),
      },
    });
    if (after.status !== before.status) await refreshRelationship(trx, before.account_id, now);
    // A PoC already decided, newly linked to a deal, gives that deal its technical win.
    if (after.opportunity_id && after.opportunity_id !== before.opportunity_id && after.poc_verdict && after.poc_verdict !== 'pending')
      await deliveryPorts().pocVerdictChanged(trx, ctx, {
        engagementId: id,
        engagementName: after.name,
        opportunityId: after.opportunity_id,
        verdict: after.poc_verdict,
        note: after.poc_verdict_note,
      });
  });
  return getEngagement(db, id, now);
}

/**
 * Moving an engagement's start moves its plan with it, as project tools do: every task not yet
 * done keeps its place relative to the start (the same number of working days later or earlier);
 * finished work keeps the dates it had. The target go-live is a commitment and stays, so a later
 * start shows as slip. Returns how many tasks moved.
 */
async function shiftOpenTasks(trx: Kysely<Database>, engagementId: string, workingDays: number, now: Date): Promise<number> {
  if (workingDays === 0) return 0;
  const open = await trx
    .selectFrom('engagement_tasks')
    .select(['id', 'start_date', 'due_date'])
    .where('engagement_id', '=', engagementId)
    .where('status', '!=', 'done')
    .execute();
  for (const task of open) {
    await trx
      .updateTable('engagement_tasks')
      .set({
        start_date: addWorkingDays(task.start_date, workingDays),
        due_date: addWorkingDays(task.due_date, workingDays),
        updated_at: now.toISOString(),
      })
      .where('id', '=', task.id)
      .execute();
  }
  return open.length;
}

/** A proof of concept's overall verdict (the records part of delivery writes it with the success criteria). */
export async function setPocVerdict(
  db: Kysely<Database>,
  ctx: ChangeContext,
  engagementId: string,
  verdict: PocVerdict | null,
  note: string | null,
): Promise<void> {
  const before = await db
    .selectFrom('engagements')
    .select(['name', 'opportunity_id', 'poc_verdict', 'poc_verdict_note'])
    .where('id', '=', engagementId)
    .executeTakeFirst();
  if (!before) throw errors.engagementNotFound();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('engagements')
      .set({ poc_verdict: verdict, poc_verdict_note: note, updated_at: new Date().toISOString() })
      .where('id', '=', engagementId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'engagement.poc_verdict_set',
      recordType: 'engagement',
      recordId: engagementId,
      changes: diff(
        { pocVerdict: before.poc_verdict, pocVerdictNote: before.poc_verdict_note },
        { pocVerdict: verdict, pocVerdictNote: note },
      ),
    });
    // The deal's technical win follows the verdict, in the same transaction (presales decides how).
    if (before.opportunity_id && verdict && (verdict !== before.poc_verdict || note !== before.poc_verdict_note))
      await deliveryPorts().pocVerdictChanged(trx, ctx, {
        engagementId,
        engagementName: before.name,
        opportunityId: before.opportunity_id,
        verdict,
        note,
      });
  });
}
