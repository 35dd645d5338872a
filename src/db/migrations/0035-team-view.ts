import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 17: team view — a member's team ("EMEA Support", "Platform Engineering"), free text, for the
 * team view's and the directory's filter. Nullable: nobody has to be on a named team.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('members').addColumn('team', 'text').execute();
  await db.schema.createIndex('members_team_idx').on('members').column('team').execute();
}
