import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Issue 17: time entries for everyone — links to opportunities and interactions, billable (issue 17, team-time area). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
