import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { drawFromSequence, moveSequencePast, numbersFromSequence } from '../tickets/ticket-number-sequence.js';

/** Imports take this transaction-scoped advisory lock on PostgreSQL, so they choose numbers one at a time. */
const IMPORT_NUMBERS_LOCK = 740_210_043;

/**
 * Ticket numbers for an imported batch: each ticket keeps its source number when no ticket has it
 * (so "#1042" still means the same case after a move), the rest take the next free numbers, and
 * the numbering ends past the largest number used so new tickets never collide with imported ones.
 *
 * SQLite: reading the counter row takes the database's write lock until the batch commits.
 *
 * PostgreSQL (numbers from the sequence `ticket_numbers`, which creates draw from without waiting):
 * imports serialise among themselves on an advisory lock; the sequence is moved past the batch's
 * largest kept number *before* fresh numbers are drawn, so creates from then on take numbers above
 * the batch. One race remains: a create that drew a number in the gap (above the old position,
 * at most the largest kept number) before the move and has not committed yet may hold a number
 * the batch keeps. The index on `tickets.number` then fails the batch's insert when the create
 * commits first (or the create's, when the batch does), and the whole batch rolls back. The
 * Zendesk importer then stops with the error and marks its run failed; started again, it resumes
 * at that batch, now sees the create's ticket and gives that source ticket a fresh number. The
 * window is one import batch's transaction, and only numbers the workspace had not reached yet.
 */
export async function allocateNumbers(db: Kysely<Database>, preferred: readonly (number | null)[]): Promise<number[]> {
  const onSequence = numbersFromSequence(db);
  let counter = 0;
  if (onSequence) {
    await sql`select pg_advisory_xact_lock(${IMPORT_NUMBERS_LOCK})`.execute(db);
  } else {
    const locked = await db
      .insertInto('sequences')
      .values({ name: 'ticket', value: 0 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`sequences.value` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    counter = Number(locked.value);
  }
  const initialCounter = counter;
  const wanted = [...new Set(preferred.filter(isTicketNumber))];
  const taken = await heldNumbers(db, wanted);
  const used = new Set<number>();
  const numbers: (number | null)[] = preferred.map((n) => {
    if (!isTicketNumber(n) || taken.has(n) || used.has(n)) return null;
    used.add(n);
    return n;
  });
  const needed = numbers.filter((n) => n === null).length;
  // Fresh numbers come after the batch's largest kept number on both dialects: on PostgreSQL the
  // sequence must move before the draws (see above), and SQLite follows suit so that an import
  // numbers its tickets the same on either.
  const largestKept = Math.max(0, ...used);
  if (onSequence) await moveSequencePast(db, largestKept);
  else counter = Math.max(counter, largestKept);
  // A fresh number that a ticket already holds (only an earlier import's leftovers could) is skipped.
  const fresh: number[] = [];
  while (fresh.length < needed) {
    const wantedNow = needed - fresh.length;
    const candidates = onSequence ? await drawFromSequence(db, wantedNow) : Array.from({ length: wantedNow }, (_, i) => counter + 1 + i);
    if (!onSequence) counter += wantedNow;
    const held = await heldNumbers(db, candidates);
    fresh.push(...candidates.filter((c) => !held.has(c)));
  }
  let f = 0;
  const result = numbers.map((n) => n ?? fresh[f++]!);
  if (!onSequence) {
    const largest = Math.max(counter, ...result);
    if (largest > initialCounter) await db.updateTable('sequences').set({ value: largest }).where('name', '=', 'ticket').execute();
  }
  return result;
}

function isTicketNumber(n: number | null): n is number {
  return n !== null && Number.isSafeInteger(n) && n > 0;
}

/** Which of these numbers a ticket already has. */
async function heldNumbers(db: Kysely<Database>, numbers: readonly number[]): Promise<Set<number>> {
  const held = new Set<number>();
  for (let i = 0; i < numbers.length; i += 1000) {
    const rows = await db
      .selectFrom('tickets')
      .select('number')
      .where('number', 'in', numbers.slice(i, i + 1000))
      .execute();
    for (const r of rows) held.add(Number(r.number));
  }
  return held;
}
