import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, accountRefs, listAccounts } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import { OPPORTUNITY_STAGES } from '../contract/kinds.js';
import {
  createOpportunityBody,
  updateOpportunityBody,
  type CreateOpportunityInput,
  type Opportunity,
  type OpportunityListQuery,
  type Pipeline,
  type PipelineQuery,
  type UpdateOpportunityInput,
} from '../contract/opportunities.js';
import { opportunityFiguresChanged } from '../solutions/gap-pipeline.js';
import { dependentsOf, findOpportunityRow, listOpportunityRows, pipelineRows, type OpportunityRow } from './opportunity-repository.js';
import { closedAtAfter, isOpenStage, technicalWinAfter } from './opportunity-rules.js';
import { recordStageChange } from './stage-history.js';

/**
 * Opportunities (issue 16): a deal on an account, its stage and ARR, its team (sales owner,
 * sales engineer, solutions architect) and its technical win. Writes are audited in the same
 * transaction; a change of ARR or stage tells the gap pipeline (feedback ranking) in it too.
 */

/** Opportunities with account and team names: one read of accounts and one of members for them all. */
export async function hydrateOpportunities(db: Kysely<Database>, rows: OpportunityRow[]): Promise<Opportunity[]> {
  if (!rows.length) return [];
  const [accounts, members] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    memberRefs(
      db,
      rows.flatMap((r) => [r.sales_owner_id, r.sales_engineer_id, r.solutions_architect_id, r.created_by]),
    ),
  ]);
  const member = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  return rows.map((r) => {
    const account = accounts.get(r.account_id);
    return {
      id: r.id,
      name: r.name,
      account: { id: r.account_id, name: account?.name ?? 'Unknown account', segment: account?.segment ?? null },
      stage: r.stage,
      open: isOpenStage(r.stage),
      arr: Number(r.arr),
      closeDate: r.close_date,
      salesOwner: member(r.sales_owner_id),
      salesEngineer: member(r.sales_engineer_id),
      solutionsArchitect: member(r.solutions_architect_id),
      technicalWin: r.technical_win,
      technicalWinReason: r.technical_win_reason,
      products: JSON.parse(r.products) as string[],
      description: r.description,
      createdBy: member(r.created_by),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      closedAt: r.closed_at,
    };
  });
}

export async function findOpportunity(db: Kysely<Database>, id: string): Promise<OpportunityRow> {
  const row = await findOpportunityRow(db, id);
  if (!row) throw errors.opportunityNotFound();
  return row;
}

export async function getOpportunity(db: Kysely<Database>, id: string): Promise<Opportunity> {
  return (await hydrateOpportunities(db, [await findOpportunity(db, id)]))[0]!;
}

/** Accounts whose name (or domain) matches a search, read through the accounts module: at most 200. */
async function accountsMatching(db: Kysely<Database>, q: string | undefined): Promise<string[]> {
  if (!q) return [];
  const page = await listAccounts(db, { q, sort: 'name', order: 'asc', limit: 200 });
  return page.items.map((a) => a.id);
}

export async function listOpportunities(db: Kysely<Database>, q: OpportunityListQuery): Promise<Page<Opportunity>> {
  const page = await listOpportunityRows(db, q, await accountsMatching(db, q.q));
  return { items: await hydrateOpportunities(db, page.items), nextCursor: page.nextCursor };
}

/** Count and ARR per stage (every stage, zero where none), open pipeline and won, for the list's filters. */
export async function opportunityPipeline(db: Kysely<Database>, q: PipelineQuery): Promise<Pipeline> {
  const rows = await pipelineRows(db, q, await accountsMatching(db, q.q));
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  const stages = OPPORTUNITY_STAGES.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0, arr: byStage.get(stage)?.arr ?? 0 }));
  const sum = (list: typeof stages) => ({ count: list.reduce((n, s) => n + s.count, 0), arr: list.reduce((n, s) => n + s.arr, 0) });
  return { stages, open: sum(stages.filter((s) => isOpenStage(s.stage))), won: sum(stages.filter((s) => s.stage === 'closed_won')) };
}

/** The deal's team members must exist and be active; `field` names the request field that is wrong. */
async function checkTeam(db: Kysely<Database>, team: Record<string, string | null | undefined>): Promise<void> {
  const ids = Object.values(team).filter((v): v is string => Boolean(v));
  if (!ids.length) return;
  const found = await memberRefs(db, ids);
  for (const [field, id] of Object.entries(team)) {
    if (id && found.get(id)?.status !== 'active') throw errors.opportunityMemberInactive({ field, memberId: id });
  }
}

/** The fields the audit log compares (camelCase, as the API names them). */
function audited(r: OpportunityRow) {
  return {
    accountId: r.account_id,
    name: r.name,
    stage: r.stage,
    arr: Number(r.arr),
    closeDate: r.close_date,
    salesOwnerId: r.sales_owner_id,
    salesEngineerId: r.sales_engineer_id,
    solutionsArchitectId: r.solutions_architect_id,
    technicalWin: r.technical_win,
    technicalWinReason: r.technical_win_reason,
    products: JSON.parse(r.products) as string[],
    description: r.description,
  };
}

export async function createOpportunity(
  db: Kysely<Database>,
  ctx: ChangeContext,
  raw: CreateOpportunityInput,
  at = new Date(),
): Promise<Opportunity> {
  const input = createOpportunityBody.parse(raw);
  if (!(await accountExists(db, input.accountId))) throw errors.opportunityAccountUnknown({ field: 'accountId' });
  await checkTeam(db, {
    salesOwnerId: input.salesOwnerId,
    salesEngineerId: input.salesEngineerId,
    solutionsArchitectId: input.solutionsArchitectId,
  });
  const win = technicalWinAfter({ status: input.technicalWin, reason: null }, { reason: input.technicalWinReason });
  if (win.reasonMissing) throw errors.technicalWinReasonRequired({ field: 'technicalWinReason' });
  const now = at.toISOString();
  const row: OpportunityRow = {
    id: newId(),
    account_id: input.accountId,
    name: input.name,
    stage: input.stage,
    arr: input.arr,
    close_date: input.closeDate,
    sales_owner_id: input.salesOwnerId,
    sales_engineer_id: input.salesEngineerId,
    solutions_architect_id: input.solutionsArchitectId,
    technical_win: win.status,
    technical_win_reason: win.reason,
    products: JSON.stringify(input.products),
    description: input.description || null,
    created_by: ctx.memberId,
    created_at: now,
    updated_at: now,
    closed_at: closedAtAfter(null, input.stage, now),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('opportunities').values(row).execute();
    await recordStageChange(trx, ctx, row.id, 'stage', null, row.stage, null, now);
    await recordStageChange(trx, ctx, row.id, 'technical_win', null, row.technical_win, row.technical_win_reason, now);
    await recordAudit(trx, ctx, {
      action: 'opportunity.created',
      recordType: 'opportunity',
      recordId: row.id,
      changes: diff(null, audited(row)),
    });
    await opportunityFiguresChanged(trx, row.id);
  });
  return getOpportunity(db, row.id);
}

export async function updateOpportunity(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdateOpportunityInput,
  at = new Date(),
): Promise<Opportunity> {
  const input = updateOpportunityBody.parse(raw);
  const before = await findOpportunity(db, id);
  await checkTeam(db, {
    salesOwnerId: input.salesOwnerId,
    salesEngineerId: input.salesEngineerId,
    solutionsArchitectId: input.solutionsArchitectId,
  });
  const win = technicalWinAfter(
    { status: before.technical_win, reason: before.technical_win_reason },
    { status: input.technicalWin, reason: input.technicalWinReason },
  );
  if (win.reasonMissing) throw errors.technicalWinReasonRequired({ field: 'technicalWinReason' });
  const now = at.toISOString();
  const stage = input.stage ?? before.stage;
  const after: OpportunityRow = {
    ...before,
    name: input.name ?? before.name,
    stage,
    arr: input.arr ?? Number(before.arr),
    close_date: input.closeDate !== undefined ? input.closeDate : before.close_date,
    sales_owner_id: input.salesOwnerId !== undefined ? input.salesOwnerId : before.sales_owner_id,
    sales_engineer_id: input.salesEngineerId !== undefined ? input.salesEngineerId : before.sales_engineer_id,
    solutions_architect_id: input.solutionsArchitectId !== undefined ? input.solutionsArchitectId : before.solutions_architect_id,
    technical_win: win.status,
    technical_win_reason: win.reason,
    products: input.products !== undefined ? JSON.stringify(input.products) : before.products,
    description: input.description !== undefined ? input.description || null : before.description,
    closed_at: closedAtAfter({ stage: before.stage, closedAt: before.closed_at }, stage, now),
  };
  const changes = diff(audited(before), audited(after));
  if (!Object.keys(changes).length && after.closed_at === before.closed_at) return getOpportunity(db, id);
  await inTransaction(db, async (trx) => {
    const { id: _id, created_at: _createdAt, created_by: _createdBy, account_id: _accountId, ...values } = after;
    await trx
      .updateTable('opportunities')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (after.stage !== before.stage) await recordStageChange(trx, ctx, id, 'stage', before.stage, after.stage, null, now);
    if (after.technical_win !== before.technical_win || after.technical_win_reason !== before.technical_win_reason) {
      await recordStageChange(trx, ctx, id, 'technical_win', before.technical_win, after.technical_win, after.technical_win_reason, now);
    }
    await recordAudit(trx, ctx, { action: 'opportunity.updated', recordType: 'opportunity', recordId: id, changes });
    if (after.stage !== before.stage || Number(after.arr) !== Number(before.arr)) await opportunityFiguresChanged(trx, id);
  });
  return getOpportunity(db, id);
}

/**
 * Deletes a deal entered by mistake. A deal with anything hanging on it (demos, requests, linked
 * interactions here; PoCs, requirements, questionnaires in the other areas, which reference it)
 * is refused with 409: it is history, and is closed as lost instead.
 */
export async function deleteOpportunity(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const row = await findOpportunity(db, id);
  const own = await dependentsOf(db, id);
  if (own.demos || own.requests || own.interactions) throw errors.opportunityInUse(own);
  try {
    await inTransaction(db, async (trx) => {
      await trx.deleteFrom('opportunity_stage_changes').where('opportunity_id', '=', id).execute();
      await trx.deleteFrom('opportunities').where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'opportunity.deleted',
        recordType: 'opportunity',
        recordId: id,
        changes: diff(audited(row), null),
      });
    });
  } catch (err) {
    // Another area's record (a PoC link, a requirement, a questionnaire) still references the deal.
    const code = (err as { code?: string }).code;
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw errors.opportunityInUse(own);
    throw err;
  }
}
