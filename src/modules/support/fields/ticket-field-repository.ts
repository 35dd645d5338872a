import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TicketFieldsTable } from '../tables.js';
import type { FieldDefinition } from './field-values.js';

export type TicketFieldRow = Selectable<TicketFieldsTable>;

/** The definition the value codec needs, from a row. */
export function definitionOf(r: TicketFieldRow): FieldDefinition & { active: boolean } {
  return {
    id: r.id,
    title: r.title,
    fieldType: r.field_type,
    options: JSON.parse(r.options) as { name: string; value: string }[],
    pattern: r.pattern,
    active: Number(r.active) === 1,
  };
}

/** Every field (a desk has tens, not thousands), in the admin's order, with how many tickets hold each. */
export async function fieldRowsWithCounts(
  db: Kysely<Database>,
  active?: boolean,
): Promise<(TicketFieldRow & { value_count: number | string | bigint | null })[]> {
  let q = db
    .selectFrom('ticket_fields')
    .selectAll('ticket_fields')
    .select((eb) =>
      eb
        .selectFrom('ticket_field_values')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('ticket_field_values.field_id', '=', 'ticket_fields.id')
        .as('value_count'),
    )
    .orderBy('position')
    .orderBy('title')
    .orderBy('id');
  if (active !== undefined) q = q.where('active', '=', active ? 1 : 0);
  return q.execute();
}

export async function findFieldRow(db: Kysely<Database>, id: string): Promise<TicketFieldRow | undefined> {
  return db.selectFrom('ticket_fields').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Fields by id, for checking a ticket's values or naming them. */
export async function fieldRowsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, TicketFieldRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('ticket_fields').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function allFieldRows(db: Kysely<Database>): Promise<TicketFieldRow[]> {
  return db.selectFrom('ticket_fields').selectAll().orderBy('position').orderBy('title').orderBy('id').execute();
}

export async function nextFieldPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('ticket_fields')
    .select(sql<number | null>`max(position)`.as('p'))
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

export async function valueCountOf(db: Kysely<Database>, fieldId: string): Promise<number> {
  const row = await db
    .selectFrom('ticket_field_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('field_id', '=', fieldId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The distinct stored values of a field (an option may not be removed while a ticket holds it). */
export async function storedValuesOf(db: Kysely<Database>, fieldId: string): Promise<string[]> {
  const rows = await db.selectFrom('ticket_field_values').select('value').distinct().where('field_id', '=', fieldId).execute();
  return rows.map((r) => r.value);
}

/** Tickets' stored values, by ticket. */
export async function valueRowsOf(
  db: Kysely<Database>,
  ticketIds: readonly string[],
): Promise<Map<string, { field_id: string; value: string }[]>> {
  const map = new Map<string, { field_id: string; value: string }[]>();
  if (!ticketIds.length) return map;
  const rows = await db
    .selectFrom('ticket_field_values')
    .select(['ticket_id', 'field_id', 'value'])
    .where('ticket_id', 'in', [...ticketIds])
    .execute();
  for (const r of rows) map.set(r.ticket_id, [...(map.get(r.ticket_id) ?? []), { field_id: r.field_id, value: r.value }]);
  return map;
}

/** Sets (text) or clears (null) a ticket's values of the named fields; other fields keep theirs. */
export async function writeTicketValues(db: Kysely<Database>, ticketId: string, values: ReadonlyMap<string, string | null>): Promise<void> {
  if (!values.size) return;
  await db
    .deleteFrom('ticket_field_values')
    .where('ticket_id', '=', ticketId)
    .where('field_id', 'in', [...values.keys()])
    .execute();
  const rows = [...values].flatMap(([field_id, value]) => (value === null ? [] : [{ ticket_id: ticketId, field_id, value }]));
  if (rows.length) await db.insertInto('ticket_field_values').values(rows).execute();
}
