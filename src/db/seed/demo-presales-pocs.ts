import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The demo workspace's presales pocs (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function seedDemoPresalesPocs(db: Kysely<Database>, now: Date): Promise<void> {}
