import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import type { RequirementsTable } from '../tables.js';

export type RequirementRow = Selectable<RequirementsTable>;

/** A customer's reference as the unique key compares it: trimmed, case ignored; blank is none. */
export const referenceKey = (reference: string | null | undefined): string | null => {
  const key = reference?.trim().toLowerCase();
  return key ? key : null;
};

export async function findRequirement(db: Kysely<Database>, id: string): Promise<RequirementRow> {
  const row = await db.selectFrom('requirements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.requirementNotFound();
  return row;
}

/** A deal's requirements in their order. */
export async function requirementRows(db: Kysely<Database>, opportunityId: string): Promise<RequirementRow[]> {
  return db.selectFrom('requirements').selectAll().where('opportunity_id', '=', opportunityId).orderBy('position').orderBy('id').execute();
}

/** Which designs of the deal answer each of its requirements, by requirement id (one read for the whole deal). */
export async function designIdsOfDeal(db: Kysely<Database>, opportunityId: string): Promise<Map<string, string[]>> {
  const links = await db
    .selectFrom('solution_design_requirements as l')
    .innerJoin('solution_designs as d', 'd.id', 'l.design_id')
    .select(['l.requirement_id', 'l.design_id'])
    .where('d.opportunity_id', '=', opportunityId)
    .orderBy('d.created_at')
    .execute();
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.requirement_id, [...(out.get(l.requirement_id) ?? []), l.design_id]);
  return out;
}

/** The deal's requirement whose reference matches, other than `exceptId`. */
export async function requirementWithReference(
  db: Kysely<Database>,
  opportunityId: string,
  key: string,
  exceptId?: string,
): Promise<RequirementRow | undefined> {
  let query = db.selectFrom('requirements').selectAll().where('opportunity_id', '=', opportunityId).where('reference_key', '=', key);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function nextPosition(db: Kysely<Database>, opportunityId: string): Promise<number> {
  const row = await db
    .selectFrom('requirements')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
