import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Success plans (outcomes, objectives, linked engagements) and renewal forecasts (issue 15). */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('success_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('customer_visible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('success_plans_account').on('success_plans').columns(['account_id', 'created_at']).execute();
  // Objectives in the order the plan lists them; progress is worked out from baseline, target and current.
  await db.schema
    .createTable('success_plan_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('success_plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('current', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('due_on', t.date)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('success_plan_objectives_plan').on('success_plan_objectives').columns(['plan_id', 'position']).execute();
  // Delivery engagements that serve the plan (of the same account; checked on write).
  await db.schema
    .createTable('success_plan_engagements')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('success_plans.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addPrimaryKeyConstraint('success_plan_engagements_pk', ['plan_id', 'engagement_id'])
    .execute();
  // The renewal forecast per account; the date and ARR stay on the account.
  await db.schema
    .createTable('renewal_forecasts')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('forecast', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}
