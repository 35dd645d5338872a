import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** The answer library: reviewed entries with question variants (issue 16). */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('library_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('short_answer', 'text')
    .addColumn('long_answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_area', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_interval_days', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('last_reviewed_at', t.timestamp)
    .addColumn('last_reviewed_by', 'text', (c) => c.references('members.id'))
    .addColumn('review_due_at', t.timestamp, (c) => c.notNull())
    .addColumn('stale_notified_due_at', t.timestamp)
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', t.timestamp)
    .addColumn('source_question_id', 'text')
    .addColumn('approved_at', t.timestamp)
    .addColumn('approved_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_entries_updated').on('library_entries').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('library_entries_question_key').on('library_entries').column('question_key').execute();
  // The review queue and the daily pass: approved entries by due date, per owner.
  await db.schema.createIndex('library_entries_review').on('library_entries').columns(['status', 'review_due_at']).execute();
  await db.schema
    .createIndex('library_entries_owner_review')
    .on('library_entries')
    .columns(['owner_id', 'status', 'review_due_at'])
    .execute();

  await db.schema
    .createTable('library_entry_variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('library_entries.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_entry_variants_entry').on('library_entry_variants').columns(['entry_id', 'position']).execute();
}
