import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Runbooks and their runs, macros, time entries, CSAT surveys. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('runbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('runbooks_status_title').on('runbooks').columns(['status', 'title']).execute();

  await db.schema
    .createTable('runbook_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('runbook_id', 'text', (c) => c.notNull().references('runbooks.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('runbook_title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.references('members.id'))
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_by', 'text', (c) => c.references('members.id'))
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema.createIndex('runbook_runs_ticket').on('runbook_runs').columns(['ticket_id', 'started_at']).execute();

  await db.schema
    .createTable('runbook_run_steps')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runbook_runs.id').onDelete('cascade'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('input', 'text')
    .addColumn('note', 'text')
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('runbook_run_steps_pk', ['run_id', 'step_index'])
    .execute();

  await db.schema
    .createTable('macros')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('macros_owner').on('macros').columns(['owner_id', 'title']).execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('engagement_id', 'text')
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('note', 'text')
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('time_entries_member').on('time_entries').columns(['member_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('time_entries_ticket').on('time_entries').columns(['ticket_id', 'started_at']).execute();
  await db.schema.createIndex('time_entries_account').on('time_entries').columns(['account_id', 'started_at']).execute();

  await db.schema
    .createTable('csat_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('rated_at', t.timestamp)
    .addColumn('assignee_id', 'text', (c) => c.references('members.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('csat_surveys_ticket').on('csat_surveys').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('csat_surveys_assignee').on('csat_surveys').columns(['assignee_id', 'rated_at']).execute();
  await db.schema.createIndex('csat_surveys_account').on('csat_surveys').columns(['account_id', 'rated_at']).execute();
}
