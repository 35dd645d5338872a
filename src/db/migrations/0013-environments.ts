import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Delivery, part 2 (issue 5): customer environments (deployments), releases and upgrade campaigns. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('released_on', t.date, (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    // 1 while the release is supported, 0 once it is end-of-life (an integer on both dialects).
    .addColumn('supported', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('releases_product_version', ['product', 'version'])
    .execute();

  await db.schema
    .createTable('deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('hosting', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('configuration', 'text', (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_upgraded_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('deployments_account_product_name', ['account_id', 'product', 'name_lower'])
    .execute();
  await db.schema.createIndex('deployments_product_version').on('deployments').columns(['product', 'version']).execute();

  await db.schema
    .createTable('deployment_config_versions')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('configuration', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('members.id'))
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('deployment_config_versions_pk', ['deployment_id', 'version'])
    .execute();

  await db.schema
    .createTable('deployment_customisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('repository_url', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deployment_customisations_deployment').on('deployment_customisations').column('deployment_id').execute();

  await db.schema
    .createTable('deployment_contacts')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('deployment_contacts_pk', ['deployment_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('upgrade_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('target_version', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // The scope filters the campaign was created with (JSON), shown on the board.
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upgrade_campaigns_created').on('upgrade_campaigns').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('campaign_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('upgrade_campaigns.id').onDelete('cascade'))
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('campaign_windows_campaign').on('campaign_windows').columns(['campaign_id', 'starts_at']).execute();

  await db.schema
    .createTable('campaign_deployments')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('upgrade_campaigns.id').onDelete('cascade'))
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    // The version the environment ran when it joined the campaign: what a rollback returns to.
    .addColumn('from_version', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('added_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_deployments_pk', ['campaign_id', 'deployment_id'])
    .execute();
  await db.schema.createIndex('campaign_deployments_deployment').on('campaign_deployments').column('deployment_id').execute();

  await db.schema
    .createTable('campaign_deployment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('upgrade_campaigns.id').onDelete('cascade'))
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('members.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_deployment_events_entry')
    .on('campaign_deployment_events')
    .columns(['campaign_id', 'deployment_id', 'at'])
    .execute();
}
