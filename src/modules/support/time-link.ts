import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Tickets a time entry may link to (issue 17, the team module's `timeLinks.ticket` port): each
 * ticket's account and its number and subject, in one read. Unknown ids are absent.
 */
export async function ticketTimeLinks(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { accountId: string; label: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'account_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.account_id, label: `#${r.number} ${r.subject}` }]));
}
