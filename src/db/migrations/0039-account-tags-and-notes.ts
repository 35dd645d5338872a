import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 18 (accounts): a Zendesk organization's tags and notes come across onto the account.
 * `accounts.notes` is free text; `account_tags` one row per tag, indexed by tag for the filter.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('notes', 'text').execute();
  await db.schema
    .createTable('account_tags')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_tags_pk', ['account_id', 'tag'])
    .execute();
  await db.schema.createIndex('account_tags_tag').on('account_tags').columns(['tag']).execute();
}
