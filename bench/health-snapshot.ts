import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { refreshHealth } from '../src/modules/success/health/health-refresh.js';

/**
 * `health_snapshot_ms` (issue 15, target ≤ 30 s on SQLite at 10k accounts): the daily pass —
 * every account of the dataset scored from its tickets, SLA breaches, CSAT, interactions,
 * environments, engagements, training, blocker feedback and usage, then `account_health` and
 * today's snapshot upserted — timed once, in-process, as the job runs it.
 */
export async function measureHealthSnapshot(db: Kysely<Database>): Promise<{ ms: number; accounts: number }> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const started = performance.now();
  await refreshHealth(db, new Date());
  return { ms: Math.round((performance.now() - started) * 10) / 10, accounts: Number(row.n) };
}
