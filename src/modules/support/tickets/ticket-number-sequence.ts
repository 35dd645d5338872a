import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Where ticket numbers come from on each dialect. PostgreSQL: the native sequence `ticket_numbers`
 * (migration 0043), which locks nothing past its own call, so concurrent creates do not queue
 * behind each other's COMMITs. SQLite: the counter row `sequences('ticket')`, which costs nothing
 * with a single writer. The `sequences` row is not read or kept on PostgreSQL.
 */
export function numbersFromSequence(db: Kysely<Database>): boolean {
  // The adapter tells the dialects apart inside a transaction too (as in db/compiled-read.ts).
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The next number of the PostgreSQL sequence (a create's number: one short statement). */
export async function nextFromSequence(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string }>`select nextval('ticket_numbers') as n`.execute(db);
  return Number(rows[0]!.n);
}

/** `count` fresh numbers from the PostgreSQL sequence, in increasing order. */
export async function drawFromSequence(db: Kysely<Database>, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const { rows } = await sql<{ n: string }>`select nextval('ticket_numbers') as n from generate_series(1, ${count})`.execute(db);
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

/**
 * Moves the PostgreSQL sequence so its next number is past `largest`; never moves it back.
 * "Handed out so far" is `last_value` once the sequence has been called, `last_value - 1` before
 * (a fresh sequence reads last_value 1, is_called false, and its next number is 1).
 *
 * The read and the setval are one statement, but a nextval of another session can still land
 * between them: one that drew a number ≤ `largest` is the gap race allocateNumbers describes; one
 * that drew past `largest` would need more creates than the gap's width within that statement.
 */
export async function moveSequencePast(db: Kysely<Database>, largest: number): Promise<void> {
  if (largest <= 0) return;
  await sql`select setval('ticket_numbers', ${largest}) from ticket_numbers
    where ${largest} > case when is_called then last_value else last_value - 1 end`.execute(db);
}
