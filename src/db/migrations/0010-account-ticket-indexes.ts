import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Two reads the benchmark (issue 7) found sorting every ticket of a large account: the ticket
 * page's "recent tickets of this account" (by SLA due, like every queue) and the portal's ticket
 * list (most recently updated first). A customer with thousands of tickets made both a sort of
 * thousands of joined rows per request; with these, each is one ordered index range read.
 */
export async function up(db: Kysely<unknown>, _t: DialectTypes): Promise<void> {
  await db.schema.createIndex('tickets_account_due').on('tickets').columns(['account_id', 'sla_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_account_updated').on('tickets').columns(['account_id', 'updated_at', 'id']).execute();
}
