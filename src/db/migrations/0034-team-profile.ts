import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Issue 17: role profile — accounts flagged internal (the company's own staff are not customers) (issue 17, team-profile area). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
