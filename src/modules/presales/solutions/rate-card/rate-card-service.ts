import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { diff, recordAudit } from '../../../../kernel/audit.js';
import { nowIso } from '../../../../kernel/clock.js';
import { errors } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import {
  createRateCardRoleBody,
  updateRateCardRoleBody,
  type CreateRateCardRoleInput,
  type RateCardRole,
  type UpdateRateCardRoleInput,
} from '../../contract/solutions.js';
import type { RateCardRolesTable } from '../tables.js';
import { isUniqueViolation } from '../unique-violation.js';

/**
 * The rate card (issue 16): the roles statements of work are priced with, each with an hourly rate
 * in a currency. Curated by `presales.manage`; a change reprices nothing already written, since
 * every scope item copies its rate when it is priced. A role in use is deactivated, not deleted.
 */

export type RateCardRoleRow = Selectable<RateCardRolesTable>;

const nameKey = (name: string) => name.trim().toLowerCase();

export async function findRateCardRole(db: Kysely<Database>, id: string): Promise<RateCardRoleRow> {
  const row = await db.selectFrom('rate_card_roles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.rateCardRoleNotFound();
  return row;
}

async function usage(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('sow_items')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role_id', 'in', [...ids])
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id!, Number(r.n)]));
}

async function toViews(db: Kysely<Database>, rows: readonly RateCardRoleRow[]): Promise<RateCardRole[]> {
  const used = await usage(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    hourlyRate: Number(r.hourly_rate),
    currency: r.currency,
    active: r.active === 1,
    usedBy: used.get(r.id) ?? 0,
    updatedAt: r.updated_at,
  }));
}

/** The card, active roles first, by name; inactive roles only when asked for. */
export async function listRateCard(db: Kysely<Database>, includeInactive = false): Promise<RateCardRole[]> {
  let query = db.selectFrom('rate_card_roles').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return toViews(db, await query.orderBy('active', 'desc').orderBy('name_key').execute());
}

async function getRole(db: Kysely<Database>, id: string): Promise<RateCardRole> {
  return (await toViews(db, [await findRateCardRole(db, id)]))[0]!;
}

async function assertNameFree(db: Kysely<Database>, name: string, exceptId?: string) {
  let query = db.selectFrom('rate_card_roles').select('id').where('name_key', '=', nameKey(name));
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw errors.duplicate('A rate-card role', 'name');
}

const audited = (r: RateCardRoleRow) => ({
  name: r.name,
  description: r.description,
  hourly_rate: Number(r.hourly_rate),
  currency: r.currency,
  active: r.active === 1,
});

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw errors.duplicate('A rate-card role', 'name');
    throw err;
  }
}

export async function createRateCardRole(db: Kysely<Database>, ctx: ChangeContext, raw: CreateRateCardRoleInput): Promise<RateCardRole> {
  const input = createRateCardRoleBody.parse(raw);
  await assertNameFree(db, input.name);
  const now = nowIso();
  const row: RateCardRoleRow = {
    id: newId(),
    name: input.name,
    name_key: nameKey(input.name),
    description: input.description || null,
    hourly_rate: input.hourlyRate,
    currency: input.currency,
    active: input.active ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await guarded(() =>
    inTransaction(db, async (trx) => {
      await trx.insertInto('rate_card_roles').values(row).execute();
      await recordAudit(trx, ctx, {
        action: 'rate_card.role_created',
        recordType: 'rate_card_role',
        recordId: row.id,
        changes: diff(null, audited(row)),
      });
    }),
  );
  return getRole(db, row.id);
}

export async function updateRateCardRole(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdateRateCardRoleInput,
): Promise<RateCardRole> {
  const input = updateRateCardRoleBody.parse(raw);
  const before = await findRateCardRole(db, id);
  if (input.name !== undefined) await assertNameFree(db, input.name, id);
  const after: RateCardRoleRow = {
    ...before,
    name: input.name ?? before.name,
    name_key: nameKey(input.name ?? before.name),
    description: input.description === undefined ? before.description : input.description || null,
    hourly_rate: input.hourlyRate ?? Number(before.hourly_rate),
    currency: input.currency ?? before.currency,
    active: input.active === undefined ? before.active : input.active ? 1 : 0,
    updated_at: nowIso(),
  };
  await guarded(() =>
    inTransaction(db, async (trx) => {
      const { id: _id, created_at: _created, ...values } = after;
      void _id;
      void _created;
      await trx.updateTable('rate_card_roles').set(values).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'rate_card.role_updated',
        recordType: 'rate_card_role',
        recordId: id,
        changes: diff(audited(before), audited(after)),
      });
    }),
  );
  return getRole(db, id);
}

/** Deletes a role no scope item was ever priced with; one in use is deactivated instead (409). */
export async function deleteRateCardRole(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await findRateCardRole(db, id);
  if ((await usage(db, [id])).get(id)) throw errors.rateCardRoleInUse();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('rate_card_roles').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'rate_card.role_deleted',
      recordType: 'rate_card_role',
      recordId: id,
      changes: diff(audited(before), null),
    });
  });
}

/** Roles by id, active or not (for pricing scope items). */
export async function rateCardRoles(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RateCardRoleRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('rate_card_roles')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
