import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Opportunities a time entry may link to (issue 17, the team module's `timeLinks.opportunity`
 * port): each deal's account and name, in one read. Unknown ids are absent.
 */
export async function opportunityTimeLinks(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { accountId: string; label: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'account_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.account_id, label: r.name }]));
}
