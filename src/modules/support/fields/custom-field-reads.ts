import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TicketCustomField } from '../contract/ticket-fields.js';
import { decodeFieldValue, searchableText } from './field-values.js';
import * as repo from './ticket-field-repository.js';

/** Tickets' custom field values as the API shows them, by ticket, in the fields' order. */
export async function customFieldsOf(db: Kysely<Database>, ticketIds: readonly string[]): Promise<Map<string, TicketCustomField[]>> {
  const values = await repo.valueRowsOf(db, ticketIds);
  const out = new Map<string, TicketCustomField[]>();
  if (!values.size) return out;
  const fields = await repo.fieldRowsByIds(
    db,
    [...values.values()].flat().map((v) => v.field_id),
  );
  const order = (id: string) => {
    const f = fields.get(id);
    return f ? `${String(f.position).padStart(6, '0')}|${f.title}` : '';
  };
  for (const [ticketId, rows] of values) {
    const shown = rows
      .flatMap((v) => {
        const f = fields.get(v.field_id);
        return f ? [{ fieldId: f.id, title: f.title, value: decodeFieldValue(f.field_type, v.value) }] : [];
      })
      .sort((a, b) => (order(a.fieldId) < order(b.fieldId) ? -1 : 1));
    out.set(ticketId, shown);
  }
  return out;
}

/** Tickets' set values as a search finds them ("Plan: Gold (gold)"), by ticket: the ticket document's text. */
export async function fieldSearchTextOf(db: Kysely<Database>, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const values = await repo.valueRowsOf(db, ticketIds);
  const out = new Map<string, string[]>();
  if (!values.size) return out;
  const fields = await repo.fieldRowsByIds(
    db,
    [...values.values()].flat().map((v) => v.field_id),
  );
  for (const [ticketId, rows] of values) {
    const lines = rows.flatMap((v) => {
      const f = fields.get(v.field_id);
      return f ? [`${f.title}: ${searchableText(repo.definitionOf(f), v.value)}`] : [];
    });
    out.set(ticketId, lines.sort());
  }
  return out;
}
