import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Delivery, part 1 (issue 5): engagements and what they are made of — templates with phases and
 * tasks, the engagement's own phases, tasks, dependencies, comments and milestones.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.references('members.id'))
    .addColumn('template_id', 'text')
    // Contract start is when the customer started paying: time-to-value runs from it to go-live.
    .addColumn('contract_start_date', t.date)
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('target_go_live_date', t.date)
    .addColumn('actual_go_live_date', t.date)
    .addColumn('budget_hours', 'numeric(10, 2)', (c) => c.notNull().defaultTo(0))
    // A proof of concept may be tied to a sales opportunity (the presales module's, when it exists).
    .addColumn('opportunity_ref', 'text')
    // A proof of concept's overall verdict (pending | pass | fail), written by the records part of delivery.
    .addColumn('poc_verdict', 'text')
    .addColumn('poc_verdict_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_account').on('engagements').columns(['account_id', 'start_date']).execute();
  await db.schema.createIndex('engagements_status').on('engagements').columns(['status', 'target_go_live_date']).execute();
  await db.schema.createIndex('engagements_lead').on('engagements').columns(['lead_id', 'status']).execute();
  await db.schema.createIndex('engagements_kind').on('engagements').columns(['kind', 'status']).execute();
  await db.schema.createIndex('engagements_created').on('engagements').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('engagement_members')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('engagement_members_pk', ['engagement_id', 'member_id'])
    .execute();
  await db.schema.createIndex('engagement_members_member').on('engagement_members').columns(['member_id']).execute();

  // Templates: what an engagement's plan starts from. Copied, never referenced, by an engagement.
  await db.schema
    .createTable('engagement_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('template_phases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('engagement_templates.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('template_phases_template').on('template_phases').columns(['template_id', 'position']).execute();
  await db.schema
    .createTable('template_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('engagement_templates.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull().references('template_phases.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_side', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text')
    .addColumn('start_offset_days', 'integer', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('customer_visible', 'integer', (c) => c.notNull())
    .addColumn('milestone', 'integer', (c) => c.notNull())
    .addUniqueConstraint('template_tasks_key', ['template_id', 'key'])
    .execute();
  await db.schema
    .createTable('template_task_dependencies')
    .addColumn('template_id', 'text', (c) => c.notNull().references('engagement_templates.id').onDelete('cascade'))
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('depends_on_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('template_task_dependencies_pk', ['template_id', 'task_key', 'depends_on_key'])
    .execute();

  // The engagement's own plan.
  await db.schema
    .createTable('engagement_phases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_phases_engagement').on('engagement_phases').columns(['engagement_id', 'position']).execute();
  await db.schema
    .createTable('engagement_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.references('engagement_phases.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // A member or a customer contact (no foreign key: the id points into one of two tables).
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('customer_visible', 'integer', (c) => c.notNull())
    .addColumn('milestone', 'integer', (c) => c.notNull())
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_tasks_engagement').on('engagement_tasks').columns(['engagement_id', 'position']).execute();
  // "My tasks": a member's open tasks by due date.
  await db.schema
    .createIndex('engagement_tasks_owner')
    .on('engagement_tasks')
    .columns(['owner_type', 'owner_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createTable('task_dependencies')
    .addColumn('task_id', 'text', (c) => c.notNull().references('engagement_tasks.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('engagement_tasks.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('task_dependencies_pk', ['task_id', 'depends_on_id'])
    .execute();
  await db.schema.createIndex('task_dependencies_depends_on').on('task_dependencies').columns(['depends_on_id']).execute();
  await db.schema.createIndex('task_dependencies_engagement').on('task_dependencies').columns(['engagement_id']).execute();
  await db.schema
    .createTable('task_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('engagement_tasks.id').onDelete('cascade'))
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_comments_task').on('task_comments').columns(['task_id', 'created_at']).execute();

  // Time logged on a task is the member's time entry (team module) with the task's id.
  await db.schema.alterTable('time_entries').addColumn('task_id', 'text').execute();
  await db.schema.createIndex('time_entries_engagement').on('time_entries').columns(['engagement_id', 'started_at']).execute();
  await db.schema.createIndex('time_entries_task').on('time_entries').columns(['task_id']).execute();
}
