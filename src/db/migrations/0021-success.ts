import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Customer success (issue 15): product usage rolled up per account, day and feature; licences
 * (seats, licensed features) and the id the product knows an account by; the health model per
 * segment, each account's current health with its drivers, daily snapshots and manual overrides;
 * playbook rules and the tasks they create.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  // What the product reports: the account's id in the product, its seats and licensed features.
  await db.schema
    .createTable('usage_account_settings')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('seats', 'integer')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('licensed_features')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('licensed_features_pk', ['account_id', 'feature_key'])
    .execute();

  // Every accepted event id, so a batch sent twice counts once.
  await db.schema
    .createTable('usage_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The daily roll-up per account and feature: the quantity summed, the events counted.
  await db.schema
    .createTable('usage_daily')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('events', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_daily_pk', ['account_id', 'day', 'feature_key'])
    .execute();
  // Distinct users seen per account and day (events that name a user).
  await db.schema
    .createTable('usage_daily_users')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_users_pk', ['account_id', 'day', 'user_key'])
    .execute();
  // Active users per account and day: the larger of the distinct users seen and any count reported.
  await db.schema
    .createTable('usage_account_days')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('active_users', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_active_users', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_account_days_pk', ['account_id', 'day'])
    .execute();

  // One health model per segment, and the default (`scope` = 'default') for the rest.
  await db.schema
    .createTable('health_models')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('green_min', 'integer', (c) => c.notNull())
    .addColumn('yellow_min', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Each account's health as of the last computation: the portfolio sorts and filters on it.
  await db.schema
    .createTable('account_health')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('score', 'integer')
    .addColumn('grade', 'text')
    .addColumn('computed_score', 'integer')
    .addColumn('computed_grade', 'text')
    .addColumn('score_30_days_ago', 'integer')
    .addColumn('change_30_days', 'integer')
    .addColumn('measures', 'text', (c) => c.notNull())
    // Every metric's raw value (JSON), whether or not the model weighs it: what playbook rules test.
    .addColumn('metric_values', 'text', (c) => c.notNull())
    // The model that scored it: 'default' or the account's segment.
    .addColumn('model_scope', 'text', (c) => c.notNull().defaultTo('default'))
    // When the override behind `grade` ends (null without one): the hourly pass finds stale grades by it.
    .addColumn('override_expires_at', t.timestamp)
    .addColumn('computed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_health_score').on('account_health').columns(['score', 'account_id']).execute();
  await db.schema.createIndex('account_health_grade').on('account_health').columns(['grade', 'score']).execute();
  await db.schema.createIndex('account_health_change').on('account_health').columns(['change_30_days', 'account_id']).execute();
  await db.schema.createIndex('account_health_override').on('account_health').column('override_expires_at').execute();
  await db.schema
    .createTable('health_snapshots')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    // The account's segment that day: the grade distribution filters by it without a join.
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('grade', 'text')
    .addColumn('measures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_snapshots_pk', ['account_id', 'day'])
    .execute();
  await db.schema.createIndex('health_snapshots_day').on('health_snapshots').columns(['day', 'grade']).execute();
  await db.schema.createIndex('health_snapshots_segment_day').on('health_snapshots').columns(['segment', 'day', 'grade']).execute();
  await db.schema
    .createTable('health_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    // Set when someone lifts the override before it expires.
    .addColumn('ended_at', t.timestamp)
    .addColumn('ended_by', 'text', (c) => c.references('members.id'))
    .execute();
  await db.schema.createIndex('health_overrides_account').on('health_overrides').columns(['account_id', 'expires_at']).execute();

  // Playbooks: a rule on an account's signals, and the task it creates for a role on the account team.
  await db.schema
    .createTable('playbook_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('task_title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('due_in_days', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('success_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('rule_id', 'text', (c) => c.references('playbook_rules.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Why it exists: the rule's condition with the figures that met it.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('members.id'))
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('close_note', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('members.id'))
    .addColumn('closed_at', t.timestamp)
    // `<rule id>:<account id>` while open, NULL once closed: one open task per rule and account,
    // held by the database even when two nodes evaluate the rule at once.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('success_tasks_assignee').on('success_tasks').columns(['assignee_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('success_tasks_account').on('success_tasks').columns(['account_id', 'status']).execute();
}
