import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Questionnaires (RFP, security) imported from a workbook, and their questions (issue 16). */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date)
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    // The customer's file exactly as uploaded: the export patches a copy of these bytes.
    .addColumn('file_name', 'text')
    .addColumn('file_format', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('file_sha256', 'text')
    .addColumn('file_bytes', t.blob)
    .addColumn('uploaded_at', t.timestamp)
    .addColumn('mapping', 'text')
    .addColumn('import_report', 'text')
    .addColumn('imported_at', t.timestamp)
    .addColumn('autofill_threshold', 'double precision')
    .addColumn('autofilled_at', t.timestamp)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questionnaires_updated').on('questionnaires').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('questionnaires_account').on('questionnaires').columns(['account_id', 'updated_at']).execute();
  await db.schema.createIndex('questionnaires_opportunity').on('questionnaires').columns(['opportunity_id', 'updated_at']).execute();
  await db.schema.createIndex('questionnaires_owner').on('questionnaires').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('questionnaire_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sheet', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('question_cell', 'text', (c) => c.notNull())
    .addColumn('short_answer_cell', 'text')
    .addColumn('answer_cell', 'text')
    .addColumn('comment_cell', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer_short', 'text')
    .addColumn('answer', 'text')
    .addColumn('comment', 'text')
    .addColumn('answer_origin', 'text')
    .addColumn('source_entry_id', 'text', (c) => c.references('library_entries.id').onDelete('set null'))
    .addColumn('source_entry_question', 'text')
    .addColumn('source_stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suggestion_entry_id', 'text', (c) => c.references('library_entries.id').onDelete('set null'))
    .addColumn('suggestion_question', 'text')
    .addColumn('suggestion_short', 'text')
    .addColumn('suggestion_long', 'text')
    .addColumn('suggestion_score', 'double precision')
    .addColumn('suggestion_stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suggested_at', t.timestamp)
    .addColumn('assignee_id', 'text', (c) => c.references('members.id'))
    .addColumn('assignment_due_on', t.date)
    .addColumn('assigned_at', t.timestamp)
    .addColumn('assigned_by', 'text', (c) => c.references('members.id'))
    .addColumn('drafted_by', 'text', (c) => c.references('members.id'))
    .addColumn('drafted_at', t.timestamp)
    .addColumn('reviewed_by', 'text', (c) => c.references('members.id'))
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('approved_by', 'text', (c) => c.references('members.id'))
    .addColumn('approved_at', t.timestamp)
    // The feedback item the question became when nobody could answer it (the feedback module's id).
    .addColumn('gap_feedback_item_id', 'text')
    .addColumn('gap_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questionnaire_questions_position')
    .on('questionnaire_questions')
    .columns(['questionnaire_id', 'position'])
    .unique()
    .execute();
  await db.schema
    .createIndex('questionnaire_questions_status')
    .on('questionnaire_questions')
    .columns(['questionnaire_id', 'status'])
    .execute();
  await db.schema
    .createIndex('questionnaire_questions_assignee')
    .on('questionnaire_questions')
    .columns(['assignee_id', 'status'])
    .execute();
}
