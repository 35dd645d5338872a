import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { NumericIdKind } from '../tables.js';

/**
 * Zendesk clients expect numeric ids; Outpost's are UUIDs. Each record the API shows gets one
 * number per kind, the first time it is shown (tickets use their own `number` and are not here).
 * An imported record claims its Zendesk id, so ids in old scripts and links keep meaning the same
 * record; when that number is taken, the record gets the next free one (the importer reports it).
 */

const ALLOCATION_ATTEMPTS = 8;

/** The numbers of these records, giving a number to any that has none yet. */
export async function numericIds(db: Kysely<Database>, kind: NumericIdKind, outpostIds: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(outpostIds)];
  const found = await existing(db, kind, wanted);
  for (let attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
    const missing = wanted.filter((id) => !found.has(id));
    if (!missing.length) return found;
    // Two requests may allocate at once: each inserts the numbers after the current largest, the
    // loser's rows conflict and are skipped, and it tries again above the winner's.
    const start = (await largest(db, kind)) + 1;
    await db
      .insertInto('zendesk_numeric_ids')
      .values(missing.map((outpost_id, i) => ({ kind, numeric_id: start + i, outpost_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const [id, n] of await existing(db, kind, missing)) found.set(id, n);
  }
  throw new Error(`Could not allocate numeric ids for ${kind} after ${ALLOCATION_ATTEMPTS} attempts`);
}

export async function numericIdOf(db: Kysely<Database>, kind: NumericIdKind, outpostId: string): Promise<number> {
  return (await numericIds(db, kind, [outpostId])).get(outpostId)!;
}

/** The records behind these numbers; numbers never given out are left out. */
export async function outpostIds(db: Kysely<Database>, kind: NumericIdKind, numbers: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(numbers)].filter((n) => Number.isSafeInteger(n));
  if (!list.length) return new Map();
  const rows = await db
    .selectFrom('zendesk_numeric_ids')
    .select(['numeric_id', 'outpost_id'])
    .where('kind', '=', kind)
    .where('numeric_id', 'in', list)
    .execute();
  return new Map(rows.map((r) => [Number(r.numeric_id), r.outpost_id]));
}

export async function outpostIdOf(db: Kysely<Database>, kind: NumericIdKind, numericId: number): Promise<string | null> {
  return (await outpostIds(db, kind, [numericId])).get(numericId) ?? null;
}

/**
 * Gives an imported record its Zendesk id when no other record of the kind has it; otherwise
 * (or when the record already has a number) returns the number it has or gets.
 */
export async function claimNumericId(db: Kysely<Database>, kind: NumericIdKind, preferred: number, outpostId: string): Promise<number> {
  const mine = await existing(db, kind, [outpostId]);
  if (mine.has(outpostId)) return mine.get(outpostId)!;
  if (Number.isSafeInteger(preferred) && preferred > 0) {
    await db
      .insertInto('zendesk_numeric_ids')
      .values({ kind, numeric_id: preferred, outpost_id: outpostId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return numericIdOf(db, kind, outpostId);
}

async function existing(db: Kysely<Database>, kind: NumericIdKind, ids: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('zendesk_numeric_ids')
      .select(['outpost_id', 'numeric_id'])
      .where('kind', '=', kind)
      .where('outpost_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.outpost_id, Number(r.numeric_id));
  }
  return found;
}

async function largest(db: Kysely<Database>, kind: NumericIdKind): Promise<number> {
  const row = await db
    .selectFrom('zendesk_numeric_ids')
    .select(sql<number | null>`max(numeric_id)`.as('top'))
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.top ?? 0);
}
