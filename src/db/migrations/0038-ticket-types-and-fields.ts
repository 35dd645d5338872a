import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 18 (support): what a Zendesk ticket carries that Outpost's did not.
 * - `tickets.type`: question, incident, problem or task (Zendesk's values); null when unset.
 * - `ticket_fields`: custom field definitions (Zendesk's ticket fields): a type and, for drop-downs,
 *   the options as JSON `[{name, value}]`, and for a regexp field its pattern (Zendesk's `regexp_for_validation`).
 * - `ticket_field_values`: one value per ticket and field, as text (a multiselect's values are
 *   space-separated tags, like Zendesk's). Indexed by (field, value) so "field is X" filters use it.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('type', 'text').execute();
  await db.schema
    .createTable('ticket_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field_type', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('description', 'text')
    .addColumn('pattern', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ticket_field_values')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_field_values_pk', ['ticket_id', 'field_id'])
    .execute();
  await db.schema.createIndex('ticket_field_values_field').on('ticket_field_values').columns(['field_id', 'value']).execute();
}
