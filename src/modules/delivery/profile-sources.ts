import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the team module's role profile (issue 17) reads from delivery: the engagements each member
 * led or was on during a period, counted by kind (`engagement_implementation`, …). An engagement
 * counts when it had started by the period's end and was still open, or last changed, within it.
 */
export async function engagementWorkMix(
  db: Kysely<Database>,
  memberIds: readonly string[],
  from: string,
  to: string,
): Promise<{ memberId: string; kind: string; count: number; accountId: string }[]> {
  if (!memberIds.length) return [];
  const start = new Date(`${from}T00:00:00Z`).toISOString();
  const inPeriod = db
    .selectFrom('engagements')
    .select(['id', 'kind', 'account_id'])
    .where('start_date', '<=', to)
    .where('status', '!=', 'cancelled')
    .where((eb) => eb.or([eb('status', 'not in', ['done']), eb('updated_at', '>=', start)]));
  const [onTeam, led] = await Promise.all([
    db
      .selectFrom('engagement_members')
      .innerJoin(inPeriod.as('e'), 'e.id', 'engagement_members.engagement_id')
      .select(['engagement_members.member_id as memberId', 'e.id', 'e.kind', 'e.account_id'])
      .where('engagement_members.member_id', 'in', [...memberIds])
      .execute(),
    db
      .selectFrom(inPeriod.select('lead_id').as('e'))
      .select(['e.lead_id as memberId', 'e.id', 'e.kind', 'e.account_id'])
      .where('e.lead_id', 'in', [...memberIds])
      .execute(),
  ]);
  const seen = new Set<string>();
  const counts = new Map<string, { memberId: string; kind: string; count: number; accountId: string }>();
  for (const r of [...onTeam, ...led]) {
    if (!r.memberId || seen.has(`${r.memberId}|${r.id}`)) continue;
    seen.add(`${r.memberId}|${r.id}`);
    const key = `${r.memberId}|${r.kind}|${r.account_id}`;
    const entry = counts.get(key) ?? { memberId: r.memberId, kind: `engagement_${r.kind}`, count: 0, accountId: r.account_id };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
