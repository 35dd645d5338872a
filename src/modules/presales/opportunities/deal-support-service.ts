import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountRefs } from '../../accounts/index.js';
import { notifyMembers } from '../../platform/index.js';
import { memberRefs, memberRoleSets } from '../../team/index.js';
import { OPEN_DEAL_SUPPORT_STATUSES } from '../contract/kinds.js';
import {
  DEAL_SUPPORT_KIND_LABELS,
  createDealSupportBody,
  updateDealSupportBody,
  type CreateDealSupportInput,
  type DealSupportQueueQuery,
  type DealSupportRequest,
  type EngineerLoad,
  type UpdateDealSupportInput,
} from '../contract/opportunities.js';
import { canMove, isOverdue } from './deal-support-rules.js';
import { engineerLoad } from './engineer-load.js';
import { opportunityRefs } from './opportunity-refs.js';
import { isOpenStage } from './opportunity-rules.js';
import { findOpportunity } from './opportunity-service.js';
import type { DealSupportRequestsTable } from './tables.js';

/**
 * Deal-support requests (issue 16): an account executive asks the pre-sales team for a demo, a
 * PoC, an RFP or an architecture review on a deal. The engineer assigned is told in the app and by
 * e-mail; the queue and each engineer's load show who holds what.
 */

type RequestRow = Selectable<DealSupportRequestsTable>;

/** Today as YYYY-MM-DD in UTC: due dates are calendar days, compared as text. */
const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
const NO_DUE_DATE = '9999-12-31';

async function hydrate(db: Kysely<Database>, rows: RequestRow[]): Promise<DealSupportRequest[]> {
  if (!rows.length) return [];
  const deals = await opportunityRefs(
    db,
    rows.map((r) => r.opportunity_id),
  );
  const [accounts, members] = await Promise.all([
    accountRefs(
      db,
      [...deals.values()].map((d) => d.accountId),
    ),
    memberRefs(
      db,
      rows.flatMap((r) => [r.requested_by, r.assignee_id]),
    ),
  ]);
  const member = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  const today = todayUtc();
  return rows.map((r) => {
    const deal = deals.get(r.opportunity_id);
    return {
      id: r.id,
      opportunity: {
        id: r.opportunity_id,
        name: deal?.name ?? 'Unknown opportunity',
        accountId: deal?.accountId ?? '',
        accountName: (deal && accounts.get(deal.accountId)?.name) ?? 'Unknown account',
        arr: deal?.arr ?? 0,
        stage: deal?.stage ?? 'discovery',
      },
      kind: r.kind,
      title: r.title,
      status: r.status,
      requestedBy: member(r.requested_by),
      assignee: member(r.assignee_id),
      dueDate: r.due_date,
      estimatedHours: r.estimated_hours === null ? null : Number(r.estimated_hours),
      notes: r.notes,
      declineReason: r.decline_reason,
      overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      statusChangedAt: r.status_changed_at,
      completedAt: r.completed_at,
    };
  });
}

async function findRequest(db: Kysely<Database>, id: string): Promise<RequestRow> {
  const row = await db.selectFrom('deal_support_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.dealSupportNotFound();
  return row;
}

export async function getDealSupport(db: Kysely<Database>, id: string): Promise<DealSupportRequest> {
  return (await hydrate(db, [await findRequest(db, id)]))[0]!;
}

async function checkAssignee(db: Kysely<Database>, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  if ((await memberRefs(db, [assigneeId])).get(assigneeId)?.status !== 'active') {
    throw errors.dealSupportAssigneeInactive({ field: 'assigneeId', memberId: assigneeId });
  }
}

/** Tells the engineer a request is theirs, in the app and by e-mail (not when they took it themselves). */
async function notifyAssignee(db: Kysely<Database>, ctx: ChangeContext, row: RequestRow, dealName: string): Promise<void> {
  if (!row.assignee_id || row.assignee_id === ctx.memberId) return;
  const people = await memberRefs(db, [row.assignee_id, row.requested_by]);
  const assignee = people.get(row.assignee_id);
  if (!assignee) return;
  const asker = row.requested_by ? (people.get(row.requested_by)?.name ?? 'A colleague') : 'A colleague';
  const kind = DEAL_SUPPORT_KIND_LABELS[row.kind];
  const facts = [
    row.due_date ? `Due ${row.due_date}.` : null,
    row.estimated_hours !== null ? `Estimated ${Number(row.estimated_hours)} h.` : null,
    row.notes ? `\n\n${row.notes}` : null,
  ].filter(Boolean);
  await notifyMembers(
    db,
    [{ memberId: assignee.id, email: assignee.email, name: assignee.name }],
    {
      kind: 'presales.deal_support_assigned',
      title: `${kind} requested: ${dealName}`,
      body: `${asker} asks you for ${kind.toLowerCase()} support on “${dealName}”: ${row.title}. ${facts.join(' ')}`.trim(),
      link: `/presales/opportunities/${row.opportunity_id}`,
    },
    { email: true },
  );
}

function audited(r: RequestRow) {
  return {
    opportunityId: r.opportunity_id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    assigneeId: r.assignee_id,
    dueDate: r.due_date,
    estimatedHours: r.estimated_hours === null ? null : Number(r.estimated_hours),
    notes: r.notes,
    declineReason: r.decline_reason,
  };
}

export async function createDealSupport(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: CreateDealSupportInput,
  at = new Date(),
): Promise<DealSupportRequest> {
  const input = createDealSupportBody.parse(raw);
  const deal = await findOpportunity(db, opportunityId);
  if (!isOpenStage(deal.stage)) throw errors.dealSupportOpportunityClosed();
  await checkAssignee(db, input.assigneeId);
  const now = at.toISOString();
  const row: RequestRow = {
    id: newId(),
    opportunity_id: opportunityId,
    kind: input.kind,
    title: input.title,
    status: 'new',
    requested_by: ctx.memberId,
    assignee_id: input.assigneeId,
    due_date: input.dueDate,
    estimated_hours: input.estimatedHours,
    notes: input.notes || null,
    decline_reason: null,
    created_at: now,
    updated_at: now,
    status_changed_at: now,
    completed_at: null,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('deal_support_requests').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'deal_support.requested',
      recordType: 'deal_support_request',
      recordId: row.id,
      changes: diff(null, audited(row)),
    });
    await notifyAssignee(trx, ctx, row, deal.name);
  });
  return getDealSupport(db, row.id);
}

export async function updateDealSupport(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdateDealSupportInput,
  at = new Date(),
): Promise<DealSupportRequest> {
  const input = updateDealSupportBody.parse(raw);
  const before = await findRequest(db, id);
  const status = input.status ?? before.status;
  if (!canMove(before.status, status)) throw errors.dealSupportTransitionInvalid({ field: 'status', from: before.status, to: status });
  await checkAssignee(db, input.assigneeId);
  let assigneeId = input.assigneeId !== undefined ? input.assigneeId : before.assignee_id;
  // Accepting or starting a request nobody holds takes it.
  if (!assigneeId && (status === 'accepted' || status === 'in_progress') && ctx.memberId) assigneeId = ctx.memberId;
  const declineReason =
    status === 'declined' ? (input.declineReason !== undefined ? input.declineReason?.trim() || null : before.decline_reason) : null;
  if (status === 'declined' && !declineReason) throw errors.dealSupportDeclineReasonRequired({ field: 'declineReason' });
  const now = at.toISOString();
  const statusChanged = status !== before.status;
  const after: RequestRow = {
    ...before,
    kind: input.kind ?? before.kind,
    title: input.title ?? before.title,
    status,
    assignee_id: assigneeId,
    due_date: input.dueDate !== undefined ? input.dueDate : before.due_date,
    estimated_hours: input.estimatedHours !== undefined ? input.estimatedHours : before.estimated_hours,
    notes: input.notes !== undefined ? input.notes || null : before.notes,
    decline_reason: declineReason,
    status_changed_at: statusChanged ? now : before.status_changed_at,
    completed_at: status === 'done' ? (statusChanged ? now : before.completed_at) : null,
  };
  const changes = diff(audited(before), audited(after));
  if (!Object.keys(changes).length) return getDealSupport(db, id);
  await inTransaction(db, async (trx) => {
    const { id: _id, opportunity_id: _opportunityId, requested_by: _requestedBy, created_at: _createdAt, ...values } = after;
    await trx
      .updateTable('deal_support_requests')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'deal_support.updated', recordType: 'deal_support_request', recordId: id, changes });
    if (after.assignee_id && after.assignee_id !== before.assignee_id) {
      const deal = (await opportunityRefs(trx, [after.opportunity_id])).get(after.opportunity_id);
      await notifyAssignee(trx, ctx, after, deal?.name ?? 'a deal');
    }
  });
  return getDealSupport(db, id);
}

/** One opportunity's requests, newest first. */
export async function listOpportunityDealSupport(db: Kysely<Database>, opportunityId: string): Promise<DealSupportRequest[]> {
  await findOpportunity(db, opportunityId);
  const rows = await db
    .selectFrom('deal_support_requests')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return hydrate(db, rows);
}

/** The queue: soonest due first (undated last), filtered, cursor-paged. */
export async function listDealSupportQueue(
  db: Kysely<Database>,
  ctx: ChangeContext,
  q: DealSupportQueueQuery,
): Promise<Page<DealSupportRequest>> {
  const due = sql<string>`coalesce(${sql.ref('due_date')}, ${NO_DUE_DATE})`;
  let query = db.selectFrom('deal_support_requests').selectAll();
  if (q.status === 'open') query = query.where('status', 'in', [...OPEN_DEAL_SUPPORT_STATUSES]);
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.assigneeId === 'none') query = query.where('assignee_id', 'is', null);
  else if (q.assigneeId) query = query.where('assignee_id', '=', q.assigneeId);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.opportunityId) query = query.where('opportunity_id', '=', q.opportunityId);
  if (q.mine) {
    const me = ctx.memberId ?? '';
    query = query.where((eb) => eb.or([eb('assignee_id', '=', me), eb('requested_by', '=', me)]));
  }
  if (q.cursor) query = query.where(keysetAfter(due, 'id', decodeCursor(q.cursor, 'date'), 'asc'));
  const rows = await query
    .orderBy(due, 'asc')
    .orderBy('id', 'asc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.due_date ?? NO_DUE_DATE, r.id));
  return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
}

/**
 * Each engineer's open deal-support load. The bench is everyone holding an open request plus the
 * sales engineers and solutions architects of open deals, so an idle engineer shows with zero.
 */
export async function dealSupportLoad(
  db: Kysely<Database>,
  now = new Date(),
): Promise<{ items: EngineerLoad[]; unassigned: { openRequests: number; estimatedHoursOpen: number }; weekEnds: string }> {
  const [open, deals] = await Promise.all([
    db
      .selectFrom('deal_support_requests')
      .select(['assignee_id', 'status', 'due_date', 'estimated_hours'])
      .where('status', 'in', [...OPEN_DEAL_SUPPORT_STATUSES])
      .execute(),
    db
      .selectFrom('opportunities')
      .select(['sales_engineer_id', 'solutions_architect_id'])
      .where('stage', 'not in', ['closed_won', 'closed_lost'])
      .execute(),
  ]);
  const engineers = new Set<string>();
  for (const d of deals) for (const m of [d.sales_engineer_id, d.solutions_architect_id]) if (m) engineers.add(m);
  const load = engineerLoad(
    open.map((r) => ({
      assigneeId: r.assignee_id,
      status: r.status,
      dueDate: r.due_date,
      estimatedHours: r.estimated_hours === null ? null : Number(r.estimated_hours),
    })),
    todayUtc(now),
    [...engineers],
  );
  const ids = [...load.byEngineer.keys()];
  const [members, roles] = await Promise.all([memberRefs(db, ids), memberRoleSets(db, ids)]);
  const items: EngineerLoad[] = [];
  for (const [id, figures] of load.byEngineer) {
    const m = members.get(id);
    // A disabled member with nothing open is no longer on the bench.
    if (!m || (m.status !== 'active' && figures.openRequests === 0)) continue;
    items.push({ engineer: { id, name: m.name }, roles: roles.get(id) ?? [], ...figures });
  }
  items.sort(
    (a, b) =>
      b.estimatedHoursOpen - a.estimatedHoursOpen || b.openRequests - a.openRequests || a.engineer.name.localeCompare(b.engineer.name),
  );
  return {
    items,
    unassigned: { openRequests: load.unassigned.openRequests, estimatedHoursOpen: load.unassigned.estimatedHoursOpen },
    weekEnds: load.weekEnds,
  };
}
