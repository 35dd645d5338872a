import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Files attached to outbound mail (issue 16: collateral e-mailed to a deal's contacts). The bytes
 * are copied into the outbox with the mail, in the transaction that queues it, so the delivery pass
 * (and its retries) send exactly what was queued even if the source record changes meanwhile.
 * A collateral send records the mail that carried it.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('outbox_email_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_id', 'text', (c) => c.notNull().references('outbox_emails.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', t.blob, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_email_attachments_email').on('outbox_email_attachments').columns(['email_id', 'position']).execute();
  await db.schema.alterTable('collateral_sends').addColumn('email_id', 'text').execute();
}
