import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Tickets, their messages and history, groups, SLA policies and calendars, escalations. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('sequences')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('business_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('weekly_hours', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.references('business_calendars.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('ticket_groups.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('members.id'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('deployment_id', 'text')
    .addColumn('engineering_link', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('tier_entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('sla_policy_id', 'text', (c) => c.references('sla_policies.id'))
    .addColumn('sla_state', 'text', (c) => c.notNull())
    .addColumn('first_reply_due_at', t.timestamp)
    .addColumn('next_reply_due_at', t.timestamp)
    .addColumn('resolution_due_at', t.timestamp)
    .addColumn('sla_due_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('solved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .execute();
  // Queues: each view is a filter on status/tier/assignee plus the SLA due sort, so the indexes
  // lead with the filter columns and end with (sla_due_at, id) for the keyset cursor.
  await db.schema.createIndex('tickets_status_due').on('tickets').columns(['status', 'sla_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_assignee_due').on('tickets').columns(['assignee_id', 'status', 'sla_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_tier_due').on('tickets').columns(['tier', 'status', 'sla_due_at', 'id']).execute();
  // The SLA sweep visits only targets that fell due since its last pass: one range scan each.
  await db.schema.createIndex('tickets_first_reply_due').on('tickets').column('first_reply_due_at').execute();
  await db.schema.createIndex('tickets_next_reply_due').on('tickets').column('next_reply_due_at').execute();
  await db.schema.createIndex('tickets_resolution_due').on('tickets').column('resolution_due_at').execute();
  await db.schema.createIndex('tickets_account').on('tickets').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('tickets_requester').on('tickets').columns(['requester_id', 'created_at']).execute();

  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
    .execute();
  await db.schema.createIndex('ticket_tags_tag').on('ticket_tags').columns(['tag', 'ticket_id']).execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('email_message_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_messages_ticket').on('ticket_messages').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('ticket_messages_email_id').on('ticket_messages').column('email_message_id').execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', (c) => t.serialPrimaryKey(c))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('from_tier', 'text', (c) => c.notNull())
    .addColumn('to_tier', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('engineering_link', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalations_ticket').on('escalations').columns(['ticket_id', 'at']).execute();

  await db.schema
    .createTable('escalation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalation_rule_firings')
    .addColumn('rule_id', 'text', (c) => c.notNull().references('escalation_rules.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tier_entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('fired_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_rule_firings_pk', ['rule_id', 'ticket_id', 'tier_entered_at'])
    .execute();

  await db.schema
    .createTable('ticket_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}
