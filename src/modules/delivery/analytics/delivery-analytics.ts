/**
 * The delivery lead's portfolio (issue 15): every live engagement (active or at risk) with its budget
 * burn and schedule slip, worked out exactly as the engagement pages do (listEngagements' summaries).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EngagementSummary } from '../contract/engagements.js';
import { listEngagements } from '../engagements/engagement-read.js';

/** Live engagements, optionally only those of the given accounts (null: all), by name. */
export async function liveEngagementPortfolio(
  db: Kysely<Database>,
  accountIds: readonly string[] | null,
  now = new Date(),
): Promise<EngagementSummary[]> {
  const keep = accountIds ? new Set(accountIds) : null;
  const out: EngagementSummary[] = [];
  for (const status of ['active', 'at_risk'] as const) {
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listEngagements(db, { status, limit: 200, atRisk: undefined, ...(cursor ? { cursor } : {}) }, now);
      for (const e of page.items) if (!keep || keep.has(e.account.id)) out.push(e);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
