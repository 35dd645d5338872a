import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Counts one use of a library entry: called (inside the write's transaction) when a questionnaire
 * answer drawn from the entry is approved. Placeholder until the library area is built.
 */
export async function recordLibraryUse(trx: Kysely<Database>, entryId: string): Promise<void> {
  void trx;
  void entryId;
}
