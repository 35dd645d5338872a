import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Requirements (fit and gap), solution designs with versions, the rate card and statements of work (issue 16). */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  // One line of what the customer asked for; `reference_key` keeps their ids unique per deal. The
  // deal references have no cascade: a deal with requirements, designs or SOWs is refused deletion.
  await db.schema
    .createTable('requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('reference', 'text')
    .addColumn('reference_key', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('fit', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    // No foreign key: the feedback module owns the item and may delete it; the id only prevents a second capture.
    .addColumn('feedback_item_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirements_opportunity_position').on('requirements').columns(['opportunity_id', 'position']).execute();
  // NULL references never collide, on both dialects.
  await db.schema
    .createIndex('requirements_opportunity_reference')
    .on('requirements')
    .columns(['opportunity_id', 'reference_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('solution_designs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('solution_designs_opportunity').on('solution_designs').columns(['opportunity_id', 'created_at']).execute();
  await db.schema
    .createTable('solution_design_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('design_id', 'text', (c) => c.notNull().references('solution_designs.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('author_id', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Two saves from the same version race to the same number: the second fails instead of overwriting.
  await db.schema
    .createIndex('solution_design_versions_number')
    .on('solution_design_versions')
    .columns(['design_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('solution_design_requirements')
    .addColumn('design_id', 'text', (c) => c.notNull().references('solution_designs.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('solution_design_requirements_pk', ['design_id', 'requirement_id'])
    .execute();
  await db.schema
    .createIndex('solution_design_requirements_requirement')
    .on('solution_design_requirements')
    .columns(['requirement_id'])
    .execute();

  await db.schema
    .createTable('rate_card_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('hourly_rate', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('statements_of_work')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('assumptions', 'text', (c) => c.notNull())
    .addColumn('out_of_scope', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('decided_at', t.timestamp)
    .addColumn('decided_by', 'text', (c) => c.references('members.id'))
    .addColumn('decline_reason', 'text')
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id'))
    .addColumn('engagement_kind', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statements_of_work_opportunity')
    .on('statements_of_work')
    .columns(['opportunity_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('sow_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sow_id', 'text', (c) => c.notNull().references('statements_of_work.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.references('rate_card_roles.id'))
    .addColumn('role_name', 'text', (c) => c.notNull())
    .addColumn('hourly_rate', 'double precision', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sow_items_sow').on('sow_items').columns(['sow_id', 'position']).execute();
  await db.schema.createIndex('sow_items_role').on('sow_items').columns(['role_id']).execute();
}
