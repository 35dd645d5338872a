import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Nothing inbound is lost: every accepted mail keeps its raw copy under the data folder
 * (`inbound_emails.raw_path`, kept for OUTPOST_RAW_MAIL_DAYS), a note of what decoding had to
 * repair, and mail that was ignored, could not be decoded cleanly or was refused after acceptance
 * waits in a quarantine an admin can release as a ticket or delete.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('inbound_emails').addColumn('raw_path', 'text').execute();
  await db.schema.alterTable('inbound_emails').addColumn('decode_notes', 'text').execute();
  await db.schema.createIndex('inbound_emails_received').on('inbound_emails').column('received_at').execute();
  await db.schema
    .createTable('quarantined_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('raw_path', 'text')
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('released_ticket_id', 'text')
    .addColumn('released_at', t.timestamp)
    .execute();
  await db.schema.createIndex('quarantined_emails_received').on('quarantined_emails').columns(['received_at', 'id']).execute();
}
