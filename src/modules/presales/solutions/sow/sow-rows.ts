import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { memberRefs } from '../../../team/index.js';
import type { StatementOfWork } from '../../contract/solutions.js';
import type { SowItemsTable, StatementsOfWorkTable } from '../tables.js';
import { sowTotals } from './sow-totals.js';

export type SowRow = Selectable<StatementsOfWorkTable>;
export type SowItemRow = Selectable<SowItemsTable>;

export async function findSow(db: Kysely<Database>, id: string): Promise<SowRow> {
  const row = await db.selectFrom('statements_of_work').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.sowNotFound();
  return row;
}

export async function sowItemRows(db: Kysely<Database>, sowIds: readonly string[]): Promise<Map<string, SowItemRow[]>> {
  const out = new Map<string, SowItemRow[]>();
  if (!sowIds.length) return out;
  const rows = await db
    .selectFrom('sow_items')
    .selectAll()
    .where('sow_id', 'in', [...sowIds])
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.sow_id, [...(out.get(r.sow_id) ?? []), r]);
  return out;
}

/** SOWs as the API shows them: items with amounts and whether the card's rate moved since, totals, names. */
export async function toSowViews(db: Kysely<Database>, rows: readonly SowRow[]): Promise<StatementOfWork[]> {
  if (!rows.length) return [];
  const items = await sowItemRows(
    db,
    rows.map((r) => r.id),
  );
  const roleIds = [...new Set([...items.values()].flat().map((i) => i.role_id))].filter((id): id is string => !!id);
  const [roles, members] = await Promise.all([
    roleIds.length
      ? db.selectFrom('rate_card_roles').select(['id', 'hourly_rate']).where('id', 'in', roleIds).execute()
      : Promise.resolve([]),
    memberRefs(
      db,
      rows.flatMap((r) => [r.created_by, r.decided_by]),
    ),
  ]);
  const cardRate = new Map(roles.map((r) => [r.id, Number(r.hourly_rate)]));
  const named = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  return rows.map((r) => {
    const own = items.get(r.id) ?? [];
    const totals = sowTotals(own.map((i) => ({ hours: Number(i.hours), hourlyRate: Number(i.hourly_rate) })));
    return {
      id: r.id,
      opportunityId: r.opportunity_id,
      title: r.title,
      summary: r.summary,
      assumptions: r.assumptions,
      outOfScope: r.out_of_scope,
      currency: r.currency,
      status: r.status,
      items: own.map((i, n) => ({
        id: i.id,
        position: Number(i.position),
        description: i.description,
        roleId: i.role_id,
        roleName: i.role_name,
        hourlyRate: Number(i.hourly_rate),
        hours: Number(i.hours),
        amount: totals.amounts[n]!,
        rateChanged: i.role_id !== null && cardRate.has(i.role_id) && cardRate.get(i.role_id) !== Number(i.hourly_rate),
      })),
      totalHours: totals.totalHours,
      totalAmount: totals.totalAmount,
      sentAt: r.sent_at,
      decidedAt: r.decided_at,
      decidedBy: named(r.decided_by),
      declineReason: r.decline_reason,
      engagement: r.engagement_id && r.engagement_kind ? { id: r.engagement_id, kind: r.engagement_kind } : null,
      createdBy: named(r.created_by),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
