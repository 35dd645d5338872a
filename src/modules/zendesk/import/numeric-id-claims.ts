import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { NumericIdKind } from '../tables.js';

export interface NumericIdClaim {
  kind: NumericIdKind;
  numericId: number;
  outpostId: string;
}

/**
 * claimNumericId (api/numeric-ids.ts) for a whole batch in one statement per 200 rows: an import
 * claims millions (every comment), and three queries each would cost more than the comments' own
 * rows. A number another record holds is left to it; the record then gets the next free number
 * when the API first shows it. Returns how many claims did not land, for the report.
 */
export async function claimNumericIds(db: Kysely<Database>, claims: NumericIdClaim[]): Promise<number> {
  const valid = claims.filter((c) => Number.isSafeInteger(c.numericId) && c.numericId > 0);
  let landed = 0;
  for (let i = 0; i < valid.length; i += 200) {
    const part = valid.slice(i, i + 200);
    const inserted = await db
      .insertInto('zendesk_numeric_ids')
      .values(part.map((c) => ({ kind: c.kind, numeric_id: c.numericId, outpost_id: c.outpostId })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    landed += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return claims.length - landed;
}
