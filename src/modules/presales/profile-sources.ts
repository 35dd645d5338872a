import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the team module's role profile (issue 17) reads from pre-sales: the deals each member worked
 * as sales engineer or solutions architect during a period (open then, or closed within it).
 */
export async function opportunityWorkMix(
  db: Kysely<Database>,
  memberIds: readonly string[],
  from: string,
  to: string,
): Promise<{ memberId: string; kind: string; count: number; accountId: string }[]> {
  if (!memberIds.length) return [];
  const start = new Date(`${from}T00:00:00Z`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  const ids = [...memberIds];
  const rows = await db
    .selectFrom('opportunities')
    .select(['sales_engineer_id', 'solutions_architect_id', 'account_id'])
    .where((eb) => eb.or([eb('sales_engineer_id', 'in', ids), eb('solutions_architect_id', 'in', ids)]))
    .where('created_at', '<', end)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', start)]))
    .execute();
  const counts = new Map<string, { memberId: string; kind: string; count: number; accountId: string }>();
  const add = (memberId: string | null, kind: string, accountId: string) => {
    if (!memberId || !memberIds.includes(memberId)) return;
    const key = `${memberId}|${kind}|${accountId}`;
    const entry = counts.get(key) ?? { memberId, kind, count: 0, accountId };
    entry.count++;
    counts.set(key, entry);
  };
  for (const r of rows) {
    add(r.sales_engineer_id, 'opportunity_sales_engineer', r.account_id);
    add(r.solutions_architect_id, 'opportunity_solutions_architect', r.account_id);
  }
  return [...counts.values()];
}
