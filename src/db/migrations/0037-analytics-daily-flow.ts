import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * The backlog and created-vs-solved charts at a million tickets (issue 15 target: p95 ≤ 500 ms).
 * They count tickets per UTC day of creation and of solving. On SQLite a range on the timestamp
 * index finds the rows but then sorts every ticket of the period in a temporary B-tree to group them
 * by day; these expression indexes hold the day itself, so the groups arrive in order. The queries
 * repeat the expression exactly (support/analytics/support-analytics.ts). PostgreSQL keeps the
 * timestamp indexes of migration 0024, where hash aggregation makes no sort.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'sqlite') return;
  await sql`create index tickets_created_day on tickets (substr(created_at, 1, 10))`.execute(db);
  await sql`create index tickets_solved_day on tickets (substr(solved_at, 1, 10)) where solved_at is not null`.execute(db);
}
