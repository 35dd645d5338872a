import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Demo delivery data (issue 5); filled in by the module that owns it. Runs after accounts, members and tickets exist. */
export async function seedDemoEngagements(_db: Kysely<Database>, _now: Date): Promise<void> {}
