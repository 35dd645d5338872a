import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Link = { accountId: string; engagementId?: string; label: string };

/**
 * Engagements a time entry may link to (issue 17, the team module's `timeLinks.engagement` port):
 * each one's account and name, in one read. Unknown ids are absent.
 */
export async function engagementTimeLinks(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Link>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('engagements')
    .select(['id', 'name', 'account_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.account_id, label: r.name }]));
}

/**
 * Engagement tasks a time entry may link to (`timeLinks.task`): a task's time also counts on its
 * engagement and that engagement's account, so both come back with the task's title.
 */
export async function taskTimeLinks(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Link>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('engagement_tasks')
    .innerJoin('engagements', 'engagements.id', 'engagement_tasks.engagement_id')
    .select(['engagement_tasks.id', 'engagement_tasks.title', 'engagements.id as engagement_id', 'engagements.account_id'])
    .where('engagement_tasks.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { accountId: r.account_id, engagementId: r.engagement_id, label: r.title }]));
}
