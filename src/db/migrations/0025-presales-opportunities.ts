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
}
