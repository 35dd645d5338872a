import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** The answer library: reviewed entries with question variants (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
