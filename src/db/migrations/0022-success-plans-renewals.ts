import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Success plans (outcomes, objectives, linked engagements) and renewal forecasts (issue 15). */
export async function up(_db: Kysely<unknown>, _t: DialectTypes): Promise<void> {}
