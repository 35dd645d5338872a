import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../kernel/clock.js';

/**
 * Counts one use of a library entry: called (inside the write's transaction) when a questionnaire
 * answer drawn from the entry is approved. Usage is not content, so the search index is not
 * rebuilt for it; an id that matches no entry (deleted since) changes nothing.
 */
export async function recordLibraryUse(trx: Kysely<Database>, entryId: string): Promise<void> {
  await trx
    .updateTable('library_entries')
    .set({ usage_count: sql<number>`usage_count + 1`, last_used_at: nowIso() })
    .where('id', '=', entryId)
    .execute();
}
