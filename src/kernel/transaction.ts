import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Runs `work` in a transaction, joining the caller's when there is one: services compose (a
 * ticket from an unknown sender creates a contact) and Kysely cannot nest transactions.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database> | Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
