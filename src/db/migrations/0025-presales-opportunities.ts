import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Pre-sales (issue 16): opportunities with their technical win; deal-support requests and demos. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('arr', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('close_date', t.date)
    .addColumn('sales_owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('sales_engineer_id', 'text', (c) => c.references('members.id'))
    .addColumn('solutions_architect_id', 'text', (c) => c.references('members.id'))
    .addColumn('technical_win', 'text', (c) => c.notNull())
    .addColumn('technical_win_reason', 'text')
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('description', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('opportunities_account').on('opportunities').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('opportunities_stage_close').on('opportunities').columns(['stage', 'close_date']).execute();
  // The pipeline list sorts by ARR or last change; the engineer filters are "my deals".
  await db.schema.createIndex('opportunities_arr').on('opportunities').columns(['arr', 'id']).execute();
  await db.schema.createIndex('opportunities_updated').on('opportunities').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('opportunities_engineer').on('opportunities').columns(['sales_engineer_id']).execute();
  await db.schema.createIndex('opportunities_architect').on('opportunities').columns(['solutions_architect_id']).execute();

  // Every move of stage or technical win, for the deal's timeline (the audit log keeps who changed
  // what field by field; this keeps the deal's story, readable in one indexed scan).
  await db.schema
    .createTable('opportunity_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('members.id'))
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('opportunity_stage_changes_opportunity')
    .on('opportunity_stage_changes')
    .columns(['opportunity_id', 'changed_at'])
    .execute();

  // Interactions are the accounts module's; this says which of them were about the deal. No foreign
  // key to interactions: accounts may delete an interaction, and the link then simply reads as gone.
  await db.schema
    .createTable('opportunity_interactions')
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('members.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_interactions_pk', ['opportunity_id', 'interaction_id'])
    .execute();

  await db.schema
    .createTable('deal_support_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('members.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('members.id'))
    .addColumn('due_date', t.date)
    .addColumn('estimated_hours', 'double precision')
    .addColumn('notes', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('status_changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('deal_support_opportunity').on('deal_support_requests').columns(['opportunity_id', 'created_at']).execute();
  // The queue and the load board: open requests by assignee and due date.
  await db.schema.createIndex('deal_support_queue').on('deal_support_requests').columns(['status', 'due_date', 'id']).execute();
  await db.schema.createIndex('deal_support_assignee').on('deal_support_requests').columns(['assignee_id', 'status']).execute();

  await db.schema
    .createTable('demos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    // JSON arrays: the account's contacts who attended, our presenters, attendees named in free text.
    .addColumn('contact_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('presenter_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('other_attendees', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('script', 'text')
    .addColumn('environment_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('notes', 'text')
    // JSON array of { text, done }.
    .addColumn('follow_ups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('interaction_id', 'text')
    .addColumn('deal_support_request_id', 'text', (c) => c.references('deal_support_requests.id'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demos_opportunity').on('demos').columns(['opportunity_id', 'occurred_at']).execute();
}
