import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Of these contacts, the ones whose portal access was turned off, in one read. Access is on unless
 * turned off, so contacts without a credentials row are never in the set.
 */
export async function portalAccessDisabled(db: Kysely<Database>, contactIds: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(contactIds)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('portal_credentials')
    .select('contact_id')
    .where('contact_id', 'in', wanted)
    .where('access', '=', 'disabled')
    .execute();
  return new Set(rows.map((r) => r.contact_id));
}
