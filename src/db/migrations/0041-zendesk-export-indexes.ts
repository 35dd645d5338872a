import type { Kysely } from 'kysely';

/**
 * Issue 18: Zendesk's incremental exports read tickets, members and contacts in the order they last
 * changed, by keyset over (updated_at, id), and search sorts by updated_at by default. Without
 * these indexes every export page sorted the whole table (measured on 1M tickets: see the
 * zendesk search routes' notes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_updated').on('tickets').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('members_updated').on('members').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('contacts_updated').on('contacts').columns(['updated_at', 'id']).execute();
}
