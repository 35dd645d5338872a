import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Business reviews generated from live data, their sections and who they were shared with (issue 15). */
export async function up(_db: Kysely<unknown>, _t: DialectTypes): Promise<void> {}
