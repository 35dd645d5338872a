import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 17: the role profile. An account may be the company's own (internal IT, say): its requesters
 * are staff, so contact with it is never a customer relationship. 0/1 on both dialects.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
