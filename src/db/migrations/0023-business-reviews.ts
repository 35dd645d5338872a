import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Business reviews generated from live data (issue 15): the figures as generated are kept with the
 * review (`data`), so a review sent to a customer never changes under them; the Markdown sections
 * are edited until it is sent. Recipients are the contacts it was shared with in the portal.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('business_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('sent_by', 'text', (c) => c.references('members.id'))
    .execute();
  // An account's reviews, newest first.
  await db.schema.createIndex('business_reviews_account_idx').on('business_reviews').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema
    .createTable('business_review_recipients')
    .addColumn('review_id', 'text', (c) => c.notNull().references('business_reviews.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('shared_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('business_review_recipients_pk', ['review_id', 'contact_id'])
    .execute();
  // What the portal asks: the reviews shared with a contact.
  await db.schema.createIndex('business_review_recipients_contact_idx').on('business_review_recipients').column('contact_id').execute();
}
