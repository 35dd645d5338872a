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
    .addColumn('budget_hours', 'integer', (c) => c.notNull().defaultTo(0))
    // A proof of concept may be tied to a sales opportunity (the presales module's, when it exists).
    .addColumn('opportunity_ref', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_account').on('engagements').columns(['account_id', 'start_date']).execute();
  await db.schema.createIndex('engagements_status').on('engagements').columns(['status', 'target_go_live_date']).execute();
  await db.schema.createIndex('engagements_lead').on('engagements').columns(['lead_id', 'status']).execute();

  await db.schema
    .createTable('engagement_members')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('engagement_members_pk', ['engagement_id', 'member_id'])
    .execute();
}
