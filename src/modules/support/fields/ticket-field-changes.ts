import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldValue } from './field-values.js';
import { checkFieldValues, type CheckedFieldValues } from './ticket-field-service.js';
import { valueRowsOf, writeTicketValues } from './ticket-field-repository.js';

/* A ticket's custom field values as its history and the audit log record them (by field title). */

/** Set values by field title, as a ticket's history and the audit log show them. */
export function fieldChangesAfter(fields: CheckedFieldValues): Record<string, string | null> {
  return Object.fromEntries([...fields.stored].map(([fieldId, value]) => [fields.titles.get(fieldId) ?? fieldId, value]));
}

/**
 * Writes a ticket's checked custom field values; returns the values that changed, by field title,
 * before and after (null when nothing changed).
 */
export async function setFieldValues(
  trx: Kysely<Database>,
  ticketId: string,
  values: readonly { fieldId: string; value: FieldValue }[],
): Promise<[Record<string, string | null>, Record<string, string | null>] | null> {
  const checked = await checkFieldValues(trx, values);
  const current = new Map(((await valueRowsOf(trx, [ticketId])).get(ticketId) ?? []).map((v) => [v.field_id, v.value]));
  const was: Record<string, string | null> = {};
  const now: Record<string, string | null> = {};
  for (const [fieldId, value] of checked.stored) {
    const old = current.get(fieldId) ?? null;
    if (old === value) continue;
    const title = checked.titles.get(fieldId) ?? fieldId;
    was[title] = old;
    now[title] = value;
  }
  await writeTicketValues(trx, ticketId, checked.stored);
  return Object.keys(now).length ? [was, now] : null;
}
