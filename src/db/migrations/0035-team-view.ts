import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Issue 17: team view — a member's team, for the team view's filter (issue 17, team-view area). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
