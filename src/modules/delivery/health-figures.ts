/**
 * Batch reads for the success module's health pass (issue 15): how far production environments are
 * behind the release catalogue, how late live engagements' milestones are, and training attendance.
 * One grouped query per figure over the given accounts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EngagementKind } from './contract/kinds.js';

const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const distinct = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Versions behind of each active environment: how many releases of its product the catalogue holds
 * that came out after the one it runs (ordered by release date, as the catalogue publishes them). A
 * version missing from the catalogue counts every release of the product.
 */
export async function environmentsBehind(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, { deploymentId: string; name: string; version: string; behind: number }[]>> {
  const out = new Map<string, { deploymentId: string; name: string; version: string; behind: number }[]>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom('deployments as d')
    .leftJoin('releases as r', (j) => j.onRef('r.product', '=', 'd.product').onRef('r.version', '=', 'd.version'))
    .select([
      'd.account_id',
      'd.id',
      'd.name',
      'd.version',
      (eb) =>
        eb
          .selectFrom('releases as n')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('n.product', '=', 'd.product')
          .where(sql<boolean>`n.released_on > coalesce(r.released_on, '0001-01-01')`)
          .as('behind'),
    ])
    .where('d.account_id', 'in', distinct(accountIds))
    .where('d.status', '=', 'active')
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ deploymentId: r.id, name: r.name, version: r.version, behind: Number(r.behind ?? 0) });
    out.set(r.account_id, list);
  }
  return out;
}

/**
 * Live engagements (active or at risk) of each account, each with the due date of its oldest
 * milestone still open past its date (null when none is late).
 */
export async function liveEngagementSlip(
  db: Kysely<Database>,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, { engagementId: string; name: string; kind: EngagementKind; oldestLateDue: string | null }[]>> {
  const out = new Map<string, { engagementId: string; name: string; kind: EngagementKind; oldestLateDue: string | null }[]>();
  if (!accountIds.length) return out;
  const today = dayOf(now);
  const rows = await db
    .selectFrom('engagements as e')
    .leftJoin('engagement_tasks as t', (j) =>
      j.onRef('t.engagement_id', '=', 'e.id').on('t.milestone', '=', 1).on('t.status', '<>', 'done').on('t.due_date', '<', today),
    )
    .select(['e.account_id', 'e.id', 'e.name', 'e.kind', sql<string | null>`min(t.due_date)`.as('oldest_late_due')])
    .where('e.account_id', 'in', distinct(accountIds))
    .where('e.status', 'in', ['active', 'at_risk'])
    .groupBy(['e.account_id', 'e.id', 'e.name', 'e.kind'])
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({
      engagementId: r.id,
      name: r.name,
      kind: r.kind,
      oldestLateDue: r.oldest_late_due ? String(r.oldest_late_due).slice(0, 10) : null,
    });
    out.set(r.account_id, list);
  }
  return out;
}

/**
 * Training invitations since `since` that have taken place (sessions scheduled up to now, not
 * cancelled): a contact listed on a session is invited, and attended when the session was delivered.
 */
export async function trainingAttendance(
  db: Kysely<Database>,
  accountIds: readonly string[],
  since: string,
  until: string,
): Promise<Map<string, { invited: number; attended: number }>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('training_sessions as s')
    .innerJoin('training_attendees as a', 'a.session_id', 's.id')
    .select([
      's.account_id',
      sql<number>`count(*)`.as('invited'),
      sql<number>`sum(case when s.status = 'delivered' then 1 else 0 end)`.as('attended'),
    ])
    .where('s.account_id', 'in', distinct(accountIds))
    .where('s.status', '<>', 'cancelled')
    .where('s.scheduled_at', '>=', since)
    .where('s.scheduled_at', '<=', until)
    .groupBy('s.account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, { invited: Number(r.invited), attended: Number(r.attended) }]));
}
