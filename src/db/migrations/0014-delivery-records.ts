import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Delivery, part 3 (issue 5): status reports, proof-of-concept criteria, training sessions and field visits. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  // A report keeps its sections as the engineer edited them (Markdown) and the figures it was
  // generated from (JSON), so a sent report reads the same however the engagement moves on.
  await db.schema
    .createTable('status_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('overall_status', 'text', (c) => c.notNull())
    .addColumn('suggested_status', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute();
  await db.schema.createIndex('status_reports_engagement').on('status_reports').columns(['engagement_id', 'created_at']).execute();

  await db.schema
    .createTable('status_report_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    // The address the mail went to, as it was then: a contact's e-mail may change later.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('outbox_email_id', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('members.id'))
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_report_recipients_report').on('status_report_recipients').columns(['report_id', 'sent_at']).execute();

  await db.schema
    .createTable('poc_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poc_criteria_engagement').on('poc_criteria').columns(['engagement_id', 'position']).execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', t.timestamp, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('trainer_id', 'text', (c) => c.references('members.id'))
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivered_at', t.timestamp)
    // The account-timeline entry written when the session was delivered.
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_account').on('training_sessions').columns(['account_id', 'scheduled_at', 'id']).execute();

  await db.schema
    .createTable('training_attendees')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('feedback_at', t.timestamp)
    // The member who typed the feedback in, or null when the attendee gave it in the portal.
    .addColumn('feedback_by', 'text', (c) => c.references('members.id'))
    .addPrimaryKeyConstraint('training_attendees_pk', ['session_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('field_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('visit_date', t.date, (c) => c.notNull())
    .addColumn('site_address', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('engineer_id', 'text', (c) => c.references('members.id'))
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_visits_account').on('field_visits').columns(['account_id', 'visit_date', 'id']).execute();
}
