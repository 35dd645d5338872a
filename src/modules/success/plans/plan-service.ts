import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, accountRefs } from '../../accounts/index.js';
import { engagementAccounts } from '../../delivery/index.js';
import { memberRefs } from '../../team/index.js';
import {
  createPlanBody,
  type objectiveInput,
  updatePlanBody,
  type CreatePlanInput,
  type PortalPlan,
  type SuccessPlan,
  type UpdatePlanInput,
} from '../contract/plans.js';
import { objectiveProgress, planProgressOf } from './progress.js';
import type { SuccessPlanObjectivesTable, SuccessPlansTable } from './tables.js';
import type { z } from 'zod';

/**
 * Success plans (issue 15): an account's plan toward the customer's desired outcomes, with ordered
 * objectives and linked delivery engagements. Writes are audited in the same transaction.
 */

type PlanRow = Selectable<SuccessPlansTable>;
type ObjectiveRow = Selectable<SuccessPlanObjectivesTable>;
type ObjectiveValues = z.output<typeof objectiveInput>;

function objectiveOut(o: ObjectiveRow) {
  const num = (v: number | null) => (v === null ? null : Number(v));
  const n = { baseline: num(o.baseline), target: num(o.target), current: num(o.current) };
  return {
    id: o.id,
    title: o.title,
    measure: o.measure,
    ...n,
    unit: o.unit,
    dueOn: o.due_on,
    status: o.status,
    position: Number(o.position),
    progress: objectiveProgress(n),
  };
}

async function objectivesOf(db: Kysely<Database>, planIds: string[]): Promise<Map<string, ObjectiveRow[]>> {
  const out = new Map<string, ObjectiveRow[]>(planIds.map((id) => [id, []]));
  if (!planIds.length) return out;
  const rows = await db
    .selectFrom('success_plan_objectives')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const r of rows) out.get(r.plan_id)?.push(r);
  return out;
}

/** Plans with account, owner, objectives and engagements: one read per kind of record for all of them. */
async function hydrate(db: Kysely<Database>, rows: PlanRow[]): Promise<SuccessPlan[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [accounts, owners, objectives, links] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    memberRefs(
      db,
      rows.map((r) => r.owner_id),
    ),
    objectivesOf(db, ids),
    db.selectFrom('success_plan_engagements').selectAll().where('plan_id', 'in', ids).execute(),
  ]);
  const engagements = await engagementAccounts(
    db,
    links.map((l) => l.engagement_id),
  );
  return rows.map((r) => {
    const own = objectives.get(r.id) ?? [];
    return {
      id: r.id,
      account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? 'Unknown account' },
      title: r.title,
      outcomes: r.outcomes,
      status: r.status,
      owner: r.owner_id ? { id: r.owner_id, name: owners.get(r.owner_id)?.name ?? 'Former member' } : null,
      customerVisible: Boolean(Number(r.customer_visible)),
      progress: planProgressOf(own),
      objectives: own.map(objectiveOut),
      engagements: links
        .filter((l) => l.plan_id === r.id)
        .map((l) => engagements.get(l.engagement_id))
        .filter((e) => e !== undefined)
        .map((e) => ({ id: e.id, name: e.name, status: e.status }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

async function findPlan(db: Kysely<Database>, id: string): Promise<PlanRow> {
  const row = await db.selectFrom('success_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.successPlanNotFound();
  return row;
}

export async function getPlan(db: Kysely<Database>, id: string): Promise<SuccessPlan> {
  return (await hydrate(db, [await findPlan(db, id)]))[0]!;
}

/** An account's plans: active and draft first, then achieved, then abandoned; newest first within. */
export async function listAccountPlans(db: Kysely<Database>, accountId: string): Promise<SuccessPlan[]> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound();
  const rows = await db
    .selectFrom('success_plans')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const rank = { active: 0, draft: 1, achieved: 2, abandoned: 3 } as const;
  return (await hydrate(db, rows)).sort((a, b) => rank[a.status] - rank[b.status]);
}

/** What a contact sees: the account's customer-visible plans that are not drafts or abandoned. */
export async function listPortalPlans(db: Kysely<Database>, accountId: string): Promise<PortalPlan[]> {
  const rows = await db
    .selectFrom('success_plans')
    .select(['id', 'title', 'outcomes', 'status', 'updated_at'])
    .where('account_id', '=', accountId)
    .where('customer_visible', '=', 1)
    .where('status', 'in', ['active', 'achieved'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const objectives = await objectivesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const own = objectives.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title,
      outcomes: r.outcomes,
      status: r.status,
      progress: planProgressOf(own),
      objectives: own.map((o) => {
        const { position: _position, ...rest } = objectiveOut(o);
        return rest;
      }),
      updatedAt: r.updated_at,
    };
  });
}

async function checkOwner(db: Kysely<Database>, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const m = (await memberRefs(db, [ownerId])).get(ownerId);
  if (!m || m.status !== 'active') throw errors.successPlanOwnerUnknown({ field: 'ownerId' });
}

async function checkEngagements(db: Kysely<Database>, accountId: string, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await engagementAccounts(db, ids);
  for (const id of ids) {
    if (found.get(id)?.accountId !== accountId) throw errors.successPlanEngagementForeign({ field: 'engagementIds', engagementId: id });
  }
}

/** Replaces a plan's objectives with the given ordered list; items with a known id keep it. */
async function writeObjectives(db: Kysely<Database>, planId: string, list: readonly ObjectiveValues[]) {
  const existing = await db.selectFrom('success_plan_objectives').select('id').where('plan_id', '=', planId).execute();
  const known = new Set(existing.map((o) => o.id));
  const kept = new Set<string>();
  for (const o of list) {
    if (o.id !== undefined) {
      if (!known.has(o.id) || kept.has(o.id)) throw errors.successPlanObjectiveUnknown({ field: 'objectives', objectiveId: o.id });
      kept.add(o.id);
    }
  }
  const gone = [...known].filter((id) => !kept.has(id));
  if (gone.length) await db.deleteFrom('success_plan_objectives').where('id', 'in', gone).execute();
  for (const [position, o] of list.entries()) {
    const values = {
      title: o.title,
      measure: o.measure || null,
      baseline: o.baseline,
      target: o.target,
      current: o.current,
      unit: o.unit || null,
      due_on: o.dueOn,
      status: o.status,
      position,
    };
    if (o.id) await db.updateTable('success_plan_objectives').set(values).where('id', '=', o.id).execute();
    else
      await db
        .insertInto('success_plan_objectives')
        .values({ id: newId(), plan_id: planId, ...values })
        .execute();
  }
}

async function writeEngagements(db: Kysely<Database>, planId: string, ids: readonly string[]) {
  await db.deleteFrom('success_plan_engagements').where('plan_id', '=', planId).execute();
  const unique = [...new Set(ids)];
  if (unique.length)
    await db
      .insertInto('success_plan_engagements')
      .values(unique.map((engagement_id) => ({ plan_id: planId, engagement_id })))
      .execute();
}

/** A snapshot of the plan for the audit log (fields, objectives, engagement ids). */
async function auditShape(db: Kysely<Database>, planId: string) {
  const plan = await db.selectFrom('success_plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return null;
  const objectives = await db
    .selectFrom('success_plan_objectives')
    .select(['id', 'title', 'baseline', 'target', 'current', 'status', 'due_on'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const links = await db
    .selectFrom('success_plan_engagements')
    .select('engagement_id')
    .where('plan_id', '=', planId)
    .orderBy('engagement_id')
    .execute();
  const { created_at: _c, ...fields } = plan;
  return { ...fields, objectives, engagement_ids: links.map((l) => l.engagement_id) };
}

export async function createPlan(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreatePlanInput,
): Promise<SuccessPlan> {
  const b = createPlanBody.parse(input);
  const id = await inTransaction(db, async (trx) => {
    if (!(await accountExists(trx, accountId))) throw errors.accountNotFound();
    await checkOwner(trx, b.ownerId);
    await checkEngagements(trx, accountId, b.engagementIds);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('success_plans')
      .values({
        id,
        account_id: accountId,
        title: b.title,
        outcomes: b.outcomes,
        status: b.status,
        owner_id: b.ownerId,
        customer_visible: b.customerVisible ? 1 : 0,
        created_by: ctx.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeObjectives(
      trx,
      id,
      b.objectives.map(({ id: _id, ...o }) => o),
    );
    await writeEngagements(trx, id, b.engagementIds);
    await recordAudit(trx, ctx, {
      action: 'success_plan.created',
      recordType: 'success_plan',
      recordId: id,
      changes: diff(null, await auditShape(trx, id)),
    });
    return id;
  });
  return getPlan(db, id);
}

export async function updatePlan(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdatePlanInput): Promise<SuccessPlan> {
  const b = updatePlanBody.parse(input);
  await inTransaction(db, async (trx) => {
    const plan = await findPlan(trx, id);
    const before = await auditShape(trx, id);
    if (b.ownerId !== undefined) await checkOwner(trx, b.ownerId);
    if (b.engagementIds !== undefined) await checkEngagements(trx, plan.account_id, b.engagementIds);
    await trx
      .updateTable('success_plans')
      .set({
        ...(b.title !== undefined && { title: b.title }),
        ...(b.outcomes !== undefined && { outcomes: b.outcomes }),
        ...(b.status !== undefined && { status: b.status }),
        ...(b.ownerId !== undefined && { owner_id: b.ownerId }),
        ...(b.customerVisible !== undefined && { customer_visible: b.customerVisible ? 1 : 0 }),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (b.objectives !== undefined) await writeObjectives(trx, id, b.objectives);
    if (b.engagementIds !== undefined) await writeEngagements(trx, id, b.engagementIds);
    const changes = diff(before, await auditShape(trx, id));
    if (Object.keys(changes).length)
      await recordAudit(trx, ctx, { action: 'success_plan.updated', recordType: 'success_plan', recordId: id, changes });
  });
  return getPlan(db, id);
}

export async function deletePlan(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await findPlan(trx, id);
    const before = await auditShape(trx, id);
    await trx.deleteFrom('success_plan_engagements').where('plan_id', '=', id).execute();
    await trx.deleteFrom('success_plan_objectives').where('plan_id', '=', id).execute();
    await trx.deleteFrom('success_plans').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'success_plan.deleted', recordType: 'success_plan', recordId: id, changes: diff(before, null) });
  });
}
