import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * When each view was made, for the Zendesk-compatible view JSON (issue 18: `created_at`,
 * `updated_at`; views are not edited after creation, so both are the creation time).
 */
export async function viewCreationTimes(db: Kysely<Database>, viewIds: readonly string[]): Promise<Map<string, string>> {
  if (!viewIds.length) return new Map();
  const rows = await db
    .selectFrom('ticket_views')
    .select(['id', 'created_at'])
    .where('id', 'in', [...viewIds])
    .execute();
  return new Map(rows.map((r) => [r.id, new Date(r.created_at).toISOString()]));
}
