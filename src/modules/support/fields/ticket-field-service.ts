import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { TicketFieldType } from '../tables.js';
import type { CreateTicketFieldInput, TicketField, TicketFieldOption, UpdateTicketFieldInput } from '../contract/ticket-fields.js';
import { encodeFieldValue, searchableText, type FieldValue } from './field-values.js';
import * as repo from './ticket-field-repository.js';

function toField(r: repo.TicketFieldRow, valueCount: number): TicketField {
  const d = repo.definitionOf(r);
  return {
    id: r.id,
    title: r.title,
    fieldType: r.field_type,
    options: [...d.options],
    description: r.description,
    pattern: r.pattern,
    position: Number(r.position),
    active: d.active,
    valueCount,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listTicketFields(db: Kysely<Database>, active?: boolean): Promise<TicketField[]> {
  return (await repo.fieldRowsWithCounts(db, active)).map((r) => toField(r, Number(r.value_count ?? 0)));
}

export async function getTicketField(db: Kysely<Database>, id: string): Promise<TicketField> {
  const row = await repo.findFieldRow(db, id);
  if (!row) throw errors.ticketFieldNotFound();
  return toField(row, await repo.valueCountOf(db, id));
}

const CHOICE_TYPES: readonly TicketFieldType[] = ['dropdown', 'multiselect'];

/** A field's shape checked as a whole: choices need options with distinct values, a regexp field a pattern that compiles. */
function assertShape(fieldType: TicketFieldType, options: readonly TicketFieldOption[], pattern: string | null): void {
  if (CHOICE_TYPES.includes(fieldType)) {
    if (!options.length || new Set(options.map((o) => o.value)).size !== options.length) throw errors.ticketFieldOptionsNeeded();
  }
  if (fieldType === 'regexp') {
    if (!pattern) throw errors.ticketFieldPatternNeeded();
    try {
      new RegExp(pattern);
    } catch {
      throw errors.ticketFieldPatternNeeded();
    }
  }
}

export async function createTicketField(db: Kysely<Database>, ctx: ChangeContext, input: CreateTicketFieldInput): Promise<TicketField> {
  const options = CHOICE_TYPES.includes(input.fieldType) ? input.options : [];
  const pattern = input.fieldType === 'regexp' ? (input.pattern ?? null) : null;
  assertShape(input.fieldType, options, pattern);
  const id = newId();
  await inTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    await trx
      .insertInto('ticket_fields')
      .values({
        id,
        title: input.title,
        field_type: input.fieldType,
        options: JSON.stringify(options),
        description: input.description ?? null,
        pattern,
        position: input.position ?? (await repo.nextFieldPosition(trx)),
        active: input.active ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'ticket_field.created',
      recordType: 'ticket_field',
      recordId: id,
      changes: diff(null, { title: input.title, fieldType: input.fieldType, options, pattern, active: input.active }),
    });
  });
  return getTicketField(db, id);
}

/**
 * Changes a field. Once tickets hold values its type is fixed and an option they hold stays:
 * a used field retires by deactivating (it keeps its values and takes no new ones), never by deletion.
 */
export async function updateTicketField(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateTicketFieldInput,
): Promise<TicketField> {
  await inTransaction(db, async (trx) => {
    const row = await repo.findFieldRow(trx, id);
    if (!row) throw errors.ticketFieldNotFound();
    const before = repo.definitionOf(row);
    const fieldType = input.fieldType ?? row.field_type;
    const options = CHOICE_TYPES.includes(fieldType) ? (input.options ?? before.options) : [];
    const pattern = fieldType === 'regexp' ? (input.pattern === undefined ? row.pattern : input.pattern) : null;
    assertShape(fieldType, options, pattern);
    if (fieldType !== row.field_type && (await repo.valueCountOf(trx, id)) > 0) throw errors.ticketFieldTypeLocked();
    if (input.options && CHOICE_TYPES.includes(fieldType)) {
      const kept = new Set(options.map((o) => o.value));
      const held = (await repo.storedValuesOf(trx, id)).flatMap((v) => v.split(' '));
      const dropped = held.find((v) => v && !kept.has(v));
      if (dropped) throw errors.ticketFieldOptionInUse(dropped);
    }
    const after = {
      title: input.title ?? row.title,
      field_type: fieldType,
      options: JSON.stringify(options),
      description: input.description === undefined ? row.description : input.description,
      pattern,
      position: input.position ?? Number(row.position),
      active: input.active === undefined ? Number(row.active) : input.active ? 1 : 0,
    };
    await trx
      .updateTable('ticket_fields')
      .set({ ...after, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    const view = (r: typeof after) => ({ ...r, options: JSON.parse(r.options) as unknown, active: r.active === 1 });
    const changes = diff(view({ ...row, position: Number(row.position), active: Number(row.active) }), view(after));
    if (Object.keys(changes).length)
      await recordAudit(trx, ctx, { action: 'ticket_field.updated', recordType: 'ticket_field', recordId: id, changes });
  });
  return getTicketField(db, id);
}

/** A field from an import (the Zendesk importer): no audit entry per field, the import run records itself. */
export async function importTicketField(
  db: Kysely<Database>,
  input: {
    title: string;
    fieldType: TicketFieldType;
    options: TicketFieldOption[];
    active: boolean;
    pattern?: string | null;
    description?: string | null;
  },
): Promise<string> {
  const options = CHOICE_TYPES.includes(input.fieldType) ? input.options : [];
  const pattern = input.fieldType === 'regexp' ? (input.pattern ?? '.*') : null;
  assertShape(input.fieldType, options, pattern);
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto('ticket_fields')
    .values({
      id,
      title: input.title,
      field_type: input.fieldType,
      options: JSON.stringify(options),
      description: input.description ?? null,
      pattern,
      position: await repo.nextFieldPosition(db),
      active: input.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A ticket's checked custom field values: the text to store (null clears) and what the history shows. */
export interface CheckedFieldValues {
  stored: Map<string, string | null>;
  titles: Map<string, string>;
  /** The set values as a search finds them ("Plan: Gold (gold)"), for indexing from what is in hand. */
  searchText: string[];
}

/**
 * Checks values given for a ticket against their fields: each must name an existing field, active
 * unless `allowInactive` (an import brings old tickets' values of retired fields), and fit its type.
 */
export async function checkFieldValues(
  db: Kysely<Database>,
  values: readonly { fieldId: string; value: FieldValue }[],
  options: { allowInactive?: boolean } = {},
): Promise<CheckedFieldValues> {
  const fields = await repo.fieldRowsByIds(
    db,
    values.map((v) => v.fieldId),
  );
  const stored = new Map<string, string | null>();
  const titles = new Map<string, string>();
  const searchText: string[] = [];
  for (const { fieldId, value } of values) {
    const row = fields.get(fieldId);
    if (!row) throw errors.ticketFieldUnknown(fieldId);
    const field = repo.definitionOf(row);
    if (!field.active && !options.allowInactive) throw errors.ticketFieldInactive(field.title, field.id);
    const text = encodeFieldValue(field, value);
    stored.set(fieldId, text);
    titles.set(fieldId, field.title);
    if (text !== null) searchText.push(`${field.title}: ${searchableText(field, text)}`);
  }
  return { stored, titles, searchText };
}
