import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Lockout after repeated failed sign-ins: a counter and the time the lock ends. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('members').addColumn('locked_until', t.timestamp).execute();
}
