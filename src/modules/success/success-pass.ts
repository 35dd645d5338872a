import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { refreshHealth } from './health/health-refresh.js';
import { evaluatePlaybooks } from './playbooks/evaluate.js';

/**
 * The success module's periodic pass (scheduled hourly in src/app/start.ts): recompute every
 * account's health and rewrite today's snapshot (so overrides that have expired stop showing and
 * the day's last figures are the snapshot), then evaluate the playbook rules on the fresh figures.
 * Over 10k accounts the health part takes about 5–12 s on SQLite (bench: health_snapshot_ms).
 */
export async function runSuccessPass(db: Kysely<Database>, now: Date = new Date()): Promise<{ fired: number }> {
  await refreshHealth(db, now);
  return evaluatePlaybooks(db, now);
}
