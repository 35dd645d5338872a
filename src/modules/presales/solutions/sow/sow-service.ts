import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { diff, recordAudit } from '../../../../kernel/audit.js';
import { nowIso } from '../../../../kernel/clock.js';
import { errors } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import {
  createSowBody,
  declineSowBody,
  updateSowBody,
  type CreateSowInput,
  type SowItemInput,
  type StatementOfWork,
  type UpdateSowInput,
} from '../../contract/solutions.js';
import { requireDeal } from '../deal.js';
import { rateCardRoles } from '../rate-card/rate-card-service.js';
import { findSow, sowItemRows, toSowViews, type SowItemRow, type SowRow } from './sow-rows.js';
import { sowTotals } from './sow-totals.js';

/**
 * Statements of work (issue 16): scope items priced from the rate card, assumptions, what is out
 * of scope; `draft` → `sent` → `accepted` or `declined`. Only a draft changes. Each item copies its
 * role's name and rate when it is priced (a new item, or a new role for an item), so the SOW the
 * customer saw keeps its figures whatever happens to the card later. Accepting is in sow-accept.ts.
 */

const DEFAULT_CURRENCY = 'USD';

export async function listSows(db: Kysely<Database>, opportunityId: string): Promise<StatementOfWork[]> {
  await requireDeal(db, opportunityId);
  const rows = await db
    .selectFrom('statements_of_work')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return toSowViews(db, rows);
}

export async function getSow(db: Kysely<Database>, id: string): Promise<StatementOfWork> {
  return (await toSowViews(db, [await findSow(db, id)]))[0]!;
}

/**
 * Prices the item list: an item that keeps its id and role keeps its copied rate (unless
 * `reprice`); any other takes its role's rate now, from an active role. Every role must be priced
 * in the SOW's currency, which defaults to the first role's.
 */
async function priceItems(
  db: Kysely<Database>,
  sowId: string,
  inputs: readonly SowItemInput[],
  existing: readonly SowItemRow[],
  currencyWanted: string | undefined,
  reprice: boolean,
): Promise<{ currency: string; items: SowItemRow[] }> {
  const roles = await rateCardRoles(
    db,
    inputs.map((i) => i.roleId),
  );
  const previous = new Map(existing.map((e) => [e.id, e]));
  const firstRole = inputs[0] && roles.get(inputs[0].roleId);
  const currency = currencyWanted ?? firstRole?.currency ?? DEFAULT_CURRENCY;
  const items = inputs.map((input, index): SowItemRow => {
    const field = `items.${index}.roleId`;
    const role = roles.get(input.roleId);
    if (!role) throw errors.sowRoleUnknown({ field });
    const before = input.id ? previous.get(input.id) : undefined;
    const keep = !!before && before.role_id === input.roleId && !reprice;
    if (!keep && role.active !== 1) throw errors.sowRoleInactive({ field });
    if (role.currency !== currency) throw errors.sowCurrencyMismatch({ field, roleCurrency: role.currency, sowCurrency: currency });
    return {
      id: before?.id ?? newId(),
      sow_id: sowId,
      position: index,
      description: input.description,
      role_id: role.id,
      role_name: keep ? before.role_name : role.name,
      hourly_rate: keep ? Number(before.hourly_rate) : Number(role.hourly_rate),
      hours: input.hours,
    };
  });
  return { currency, items };
}

async function writeItems(trx: Kysely<Database>, sowId: string, items: readonly SowItemRow[]): Promise<void> {
  await trx.deleteFrom('sow_items').where('sow_id', '=', sowId).execute();
  if (items.length)
    await trx
      .insertInto('sow_items')
      .values([...items])
      .execute();
}

/** What the audit log keeps of a SOW: its text, currency, status and priced items with the total. */
function audited(sow: SowRow, items: readonly SowItemRow[]) {
  const totals = sowTotals(items.map((i) => ({ hours: Number(i.hours), hourlyRate: Number(i.hourly_rate) })));
  return {
    title: sow.title,
    summary: sow.summary,
    assumptions: sow.assumptions,
    out_of_scope: sow.out_of_scope,
    currency: sow.currency,
    status: sow.status,
    items: items.map((i) => ({ description: i.description, role: i.role_name, rate: Number(i.hourly_rate), hours: Number(i.hours) })),
    total_hours: totals.totalHours,
    total_amount: totals.totalAmount,
  };
}

export async function createSow(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: CreateSowInput,
): Promise<StatementOfWork> {
  const input = createSowBody.parse(raw);
  await requireDeal(db, opportunityId);
  const id = newId();
  const { currency, items } = await priceItems(db, id, input.items, [], input.currency, false);
  const now = nowIso();
  const row: SowRow = {
    id,
    opportunity_id: opportunityId,
    title: input.title,
    summary: input.summary,
    assumptions: input.assumptions,
    out_of_scope: input.outOfScope,
    currency,
    status: 'draft',
    sent_at: null,
    decided_at: null,
    decided_by: null,
    decline_reason: null,
    engagement_id: null,
    engagement_kind: null,
    created_by: ctx.memberId,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('statements_of_work').values(row).execute();
    await writeItems(trx, id, items);
    await recordAudit(trx, ctx, {
      action: 'sow.created',
      recordType: 'statement_of_work',
      recordId: id,
      changes: diff(null, audited(row, items)),
    });
  });
  return getSow(db, id);
}

/** Changes a draft; its item list, when given, is the whole ordered list. A sent SOW is 409. */
export async function updateSow(db: Kysely<Database>, ctx: ChangeContext, id: string, raw: UpdateSowInput): Promise<StatementOfWork> {
  const input = updateSowBody.parse(raw);
  const before = await findSow(db, id);
  if (before.status !== 'draft') throw errors.sowNotDraft({ status: before.status });
  const existing = (await sowItemRows(db, [id])).get(id) ?? [];
  const inputs: SowItemInput[] =
    input.items ?? existing.map((e) => ({ id: e.id, description: e.description, roleId: e.role_id ?? '', hours: Number(e.hours) }));
  const { currency, items } = await priceItems(db, id, inputs, existing, input.currency ?? before.currency, input.repriceItems ?? false);
  const after: SowRow = {
    ...before,
    title: input.title ?? before.title,
    summary: input.summary ?? before.summary,
    assumptions: input.assumptions ?? before.assumptions,
    out_of_scope: input.outOfScope ?? before.out_of_scope,
    currency,
    updated_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    // Still a draft at the moment of writing: a send racing this edit wins, and the edit is refused.
    const written = await trx
      .updateTable('statements_of_work')
      .set({
        title: after.title,
        summary: after.summary,
        assumptions: after.assumptions,
        out_of_scope: after.out_of_scope,
        currency: after.currency,
        updated_at: after.updated_at,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(written.numUpdatedRows) !== 1) throw errors.sowNotDraft();
    await writeItems(trx, id, items);
    await recordAudit(trx, ctx, {
      action: 'sow.updated',
      recordType: 'statement_of_work',
      recordId: id,
      changes: diff(audited(before, existing), audited(after, items)),
    });
  });
  return getSow(db, id);
}

/** Moves a SOW from one status to another when it is in `from`, audited; `refuse` names the error otherwise. */
async function transition(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  from: SowRow['status'],
  to: Partial<SowRow> & { status: SowRow['status'] },
  refuse: (before: SowRow) => Error,
): Promise<StatementOfWork> {
  const before = await findSow(db, id);
  if (before.status !== from) throw refuse(before);
  await inTransaction(db, async (trx) => {
    const moved = await trx
      .updateTable('statements_of_work')
      .set({ ...to, updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw refuse(await findSow(trx, id));
    await recordAudit(trx, ctx, {
      action: `sow.${to.status}`,
      recordType: 'statement_of_work',
      recordId: id,
      changes: diff({ status: before.status }, { status: to.status, ...(to.decline_reason ? { decline_reason: to.decline_reason } : {}) }),
    });
  });
  return getSow(db, id);
}

/** Sends a draft to the customer: from now on it is what they saw, and it no longer changes. */
export async function sendSow(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<StatementOfWork> {
  const items = (await sowItemRows(db, [id])).get(id) ?? [];
  const sow = await findSow(db, id);
  if (sow.status === 'draft' && !items.length) throw errors.sowEmpty();
  return transition(db, ctx, id, 'draft', { status: 'sent', sent_at: nowIso() }, () => errors.sowNotDraft({ status: sow.status }));
}

export async function declineSow(db: Kysely<Database>, ctx: ChangeContext, id: string, raw: { reason: string }): Promise<StatementOfWork> {
  const { reason } = declineSowBody.parse(raw);
  return transition(
    db,
    ctx,
    id,
    'sent',
    { status: 'declined', decided_at: nowIso(), decided_by: ctx.memberId, decline_reason: reason },
    (before) => (before.status === 'accepted' ? errors.sowAlreadyAccepted() : errors.sowNotSent({ status: before.status })),
  );
}

/** Deletes a draft (a sent SOW is a record of what the customer was offered, and stays). */
export async function deleteSow(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await findSow(db, id);
  if (before.status !== 'draft') throw errors.sowNotDraft({ status: before.status });
  const items = (await sowItemRows(db, [id])).get(id) ?? [];
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('sow_items').where('sow_id', '=', id).execute();
    const gone = await trx.deleteFrom('statements_of_work').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw errors.sowNotDraft();
    await recordAudit(trx, ctx, {
      action: 'sow.deleted',
      recordType: 'statement_of_work',
      recordId: id,
      changes: diff(audited(before, items), null),
    });
  });
}

/** A new draft with the same text and items (their copied rates kept), to revise a sent or declined SOW. */
export async function copySow(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<StatementOfWork> {
  const source = await findSow(db, id);
  const items = (await sowItemRows(db, [id])).get(id) ?? [];
  const copyId = newId();
  const now = nowIso();
  const row: SowRow = {
    ...source,
    id: copyId,
    title: source.title.length <= 190 ? `${source.title} (revised)` : source.title,
    status: 'draft',
    sent_at: null,
    decided_at: null,
    decided_by: null,
    decline_reason: null,
    engagement_id: null,
    engagement_kind: null,
    created_by: ctx.memberId,
    created_at: now,
    updated_at: now,
  };
  const copies = items.map((i) => ({ ...i, id: newId(), sow_id: copyId }));
  await inTransaction(db, async (trx) => {
    await trx.insertInto('statements_of_work').values(row).execute();
    await writeItems(trx, copyId, copies);
    await recordAudit(trx, ctx, {
      action: 'sow.created',
      recordType: 'statement_of_work',
      recordId: copyId,
      changes: { ...diff(null, audited(row, copies)), copied_from: [null, id] },
    });
  });
  return getSow(db, copyId);
}
