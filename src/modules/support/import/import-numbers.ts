import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Ticket numbers for an imported batch: each ticket keeps its source number when no ticket has it
 * (so "#1042" still means the same case after a move), the rest take the next free numbers, and
 * the sequence ends past the largest number used so new tickets never collide with imported ones.
 * Reading the sequence takes its row lock (PostgreSQL) until the batch commits: tickets opened
 * meanwhile wait rather than take a number the batch is about to use.
 */
export async function allocateNumbers(db: Kysely<Database>, preferred: readonly (number | null)[]): Promise<number[]> {
  const locked = await db
    .insertInto('sequences')
    .values({ name: 'ticket', value: 0 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`sequences.value` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  const wanted = [...new Set(preferred.filter((n): n is number => n !== null && Number.isSafeInteger(n) && n > 0))];
  const taken = new Set<number>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await db
      .selectFrom('tickets')
      .select('number')
      .where('number', 'in', wanted.slice(i, i + 1000))
      .execute();
    for (const r of rows) taken.add(Number(r.number));
  }
  const used = new Set<number>();
  const numbers: (number | null)[] = preferred.map((n) => {
    if (n === null || !Number.isSafeInteger(n) || n <= 0 || taken.has(n) || used.has(n)) return null;
    used.add(n);
    return n;
  });
  let next = Number(locked.value);
  const needed = numbers.filter((n) => n === null).length;
  // Candidates past the sequence, skipping numbers this batch keeps; a number above the sequence
  // that a ticket already holds (only an earlier import's leftovers could) is skipped too.
  const fresh: number[] = [];
  while (fresh.length < needed) {
    const candidates: number[] = [];
    while (candidates.length < needed - fresh.length) {
      next += 1;
      if (!used.has(next)) candidates.push(next);
    }
    const held = new Set<number>();
    for (let i = 0; i < candidates.length; i += 1000) {
      const rows = await db
        .selectFrom('tickets')
        .select('number')
        .where('number', 'in', candidates.slice(i, i + 1000))
        .execute();
      for (const r of rows) held.add(Number(r.number));
    }
    fresh.push(...candidates.filter((c) => !held.has(c)));
  }
  let f = 0;
  const result = numbers.map((n) => n ?? fresh[f++]!);
  const largest = Math.max(Number(locked.value), ...result);
  if (largest > Number(locked.value)) await db.updateTable('sequences').set({ value: largest }).where('name', '=', 'ticket').execute();
  return result;
}
