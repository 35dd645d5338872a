import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The success module's periodic pass (scheduled in src/app/start.ts): recompute every account's
 * health and today's snapshot, then evaluate the playbook rules on the fresh figures.
 */
export async function runSuccessPass(_db: Kysely<Database>, _now: Date = new Date()): Promise<void> {}
