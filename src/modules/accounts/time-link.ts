import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Link = { accountId: string; label: string };

/**
 * Accounts a time entry may link to (issue 17, the team module's `timeLinks.account` port): an
 * account counts toward itself. One read; unknown ids are absent.
 */
export async function accountTimeLinks(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Link>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.id, label: r.name }]));
}

/** Interactions a time entry may link to (`timeLinks.interaction`): each one's account and subject. */
export async function interactionTimeLinks(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Link>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'subject', 'account_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.account_id, label: r.subject }]));
}
