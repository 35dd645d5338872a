import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 17: time entries for everyone (team-time area). An entry may also name the opportunity or
 * the interaction the time went to, and says whether it is billable (0/1 on both dialects, like
 * every flag here). Entries already on an engagement were project time, so they start billable.
 * The weekly timesheet reads by (member_id, started_at): `time_entries_member` (0003) already
 * covers it, so no index is added.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('time_entries').addColumn('opportunity_id', 'text').execute();
  await db.schema.alterTable('time_entries').addColumn('interaction_id', 'text').execute();
  await db.schema
    .alterTable('time_entries')
    .addColumn('billable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update time_entries set billable = 1 where engagement_id is not null`.execute(db);
  await db.schema.createIndex('time_entries_opportunity').on('time_entries').columns(['opportunity_id']).execute();
  await db.schema.createIndex('time_entries_interaction').on('time_entries').columns(['interaction_id']).execute();
}
