import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Collateral: case studies, whitepapers and solution guides with versions, and where each was sent (issue 16). */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('collateral_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product_area', 'text')
    // JSON arrays of text: the item's tags, the industries and segments it suits.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('industries', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Folded title, description and tags: the list's search is one LIKE over one column; and the
    // folded tags as a JSON array, which the tag filter matches on their quoted form.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tag_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    // The newest version's number (the next upload takes this + 1 in one atomic update) and id.
    .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'text')
    // Kept in the transaction of every send, so "most sent" sorts and pages in one indexed read.
    .addColumn('send_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collateral_items_updated').on('collateral_items').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('collateral_items_sends').on('collateral_items').columns(['status', 'send_count', 'id']).execute();

  await db.schema
    .createTable('collateral_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('collateral_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // The file itself, in the database so a backup of it holds every version.
    .addColumn('content', t.blob, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.references('members.id'))
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('collateral_versions_item_version', ['item_id', 'version'])
    .execute();

  await db.schema
    .createTable('collateral_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('collateral_items.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('collateral_versions.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // JSON array of the ids of the account's contacts it went to (may be empty).
    .addColumn('contact_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('sent_by', 'text', (c) => c.references('members.id'))
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    // The e-mail interaction logged on the account's timeline for this send.
    .addColumn('interaction_id', 'text')
    .execute();
  await db.schema.createIndex('collateral_sends_item').on('collateral_sends').columns(['item_id', 'sent_at', 'id']).execute();
  await db.schema.createIndex('collateral_sends_opportunity').on('collateral_sends').columns(['opportunity_id', 'sent_at', 'id']).execute();
  await db.schema.createIndex('collateral_sends_sent_at').on('collateral_sends').columns(['sent_at', 'item_id']).execute();
}
