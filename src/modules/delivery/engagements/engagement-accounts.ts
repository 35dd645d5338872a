import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Engagements' account, name and status by id, in one read (ids that match nothing are absent). */
export async function engagementAccounts(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { id: string; accountId: string; name: string; status: string }>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('engagements').select(['id', 'account_id', 'name', 'status']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, name: r.name, status: r.status }]));
}
