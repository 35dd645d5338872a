import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The ids of the accounts in a segment: how other modules' analytics filter by segment (issue 15). */
export async function accountIdsInSegment(db: Kysely<Database>, segment: string): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('segment', '=', segment as never)
    .execute();
  return rows.map((r) => r.id);
}
