import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Delivery, part 2 (issue 5): customer environments (deployments), releases and upgrade campaigns. */
export async function up(_db: Kysely<unknown>, _t: DialectTypes): Promise<void> {}
