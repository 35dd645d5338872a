import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { TIME_CATEGORIES, type TimeCategory } from '../contract/time-entries.js';
import type { MemberTime, TimeSummary, TimeSummaryQuery, TimeTrend, TimeTrendQuery } from '../contract/team-view.js';
import { memberProfiles } from '../profile/profile-service.js';
import { addDays, capacityMinutes, quartersUpTo, teamViewPeriod } from './team-period.js';
import * as repo from './team-time-repository.js';

/**
 * Where a team's time goes (issue 17). The figures come from time entries here; the verdict and the
 * nearest role come from the role profile, so the two screens never disagree.
 */

type CategoryMinutes = Record<TimeCategory, number>;

const noMinutes = (): CategoryMinutes => Object.fromEntries(TIME_CATEGORIES.map((c) => [c, 0])) as CategoryMinutes;
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const startOf = (day: string) => `${day}T00:00:00.000Z`;

/** Billable share is the measure of professional-services work (DESIGN §1: time against a statement of work). */
const BILLABLE_ROLE = 'professional_services';

export async function teamTimeSummary(db: Kysely<Database>, query: TimeSummaryQuery, now = new Date()): Promise<TimeSummary> {
  const { from, to } = teamViewPeriod(query, now);
  const filter = { role: query.role, team: query.team };
  const [members, cells] = await Promise.all([
    repo.viewMembers(db, filter),
    repo.minutesByMemberAndCategory(db, filter, startOf(from), startOf(addDays(to, 1))),
  ]);

  const byMember = new Map<string, { minutes: CategoryMinutes; billable: number }>();
  for (const cell of cells) {
    let entry = byMember.get(cell.memberId);
    if (!entry) byMember.set(cell.memberId, (entry = { minutes: noMinutes(), billable: 0 }));
    entry.minutes[cell.category] += cell.minutes;
    entry.billable += cell.billableMinutes;
  }
  // Someone who left is still part of the period they logged time in.
  const shown = members.filter((m) => m.status !== 'disabled' || byMember.has(m.id));
  const profiles = await memberProfiles(
    db,
    shown.map((m) => m.id),
    { from, to },
    now,
  );

  const rows: MemberTime[] = shown.map((m) => {
    const time = byMember.get(m.id) ?? { minutes: noMinutes(), billable: 0 };
    const totalMinutes = TIME_CATEGORIES.reduce((sum, c) => sum + time.minutes[c], 0);
    const capacity = capacityMinutes(m.capacityHours, m.workingDays, from, to);
    const profile = profiles.get(m.id);
    return {
      memberId: m.id,
      name: m.name,
      title: m.title,
      roles: m.roles,
      team: m.team,
      status: m.status,
      minutesByCategory: time.minutes,
      totalMinutes,
      capacityMinutes: capacity,
      utilisation: share(totalMinutes, capacity),
      billableMinutes: time.billable,
      billableShare: m.roles.includes(BILLABLE_ROLE) ? share(time.billable, totalMinutes) : null,
      verdict: profile?.verdict ?? null,
      nearestRole: profile?.nearestRole ? { role: profile.nearestRole.role, label: profile.nearestRole.label } : null,
    };
  });

  const totals = noMinutes();
  for (const r of rows) for (const c of TIME_CATEGORIES) totals[c] += r.minutesByCategory[c];
  const totalMinutes = rows.reduce((sum, r) => sum + r.totalMinutes, 0);
  const capacity = rows.reduce((sum, r) => sum + r.capacityMinutes, 0);
  const billable = rows.reduce((sum, r) => sum + r.billableMinutes, 0);
  return {
    from,
    to,
    members: rows,
    totals: {
      members: rows.length,
      minutesByCategory: totals,
      totalMinutes,
      capacityMinutes: capacity,
      utilisation: share(totalMinutes, capacity),
      billableMinutes: billable,
      billableShare: share(billable, totalMinutes),
      customerFacingEngineers: rows.filter((r) => r.verdict === 'customer_facing_engineer').length,
    },
  };
}

/** The filtered team's mix of work per calendar quarter, oldest first, this quarter last. */
export async function teamTimeTrend(db: Kysely<Database>, query: TimeTrendQuery, now = new Date()): Promise<TimeTrend> {
  const quarters = quartersUpTo(now, query.quarters);
  const bounds = [...quarters.map((q) => startOf(q.from)), startOf(addDays(quarters[quarters.length - 1]!.to, 1))];
  const cells = await repo.minutesByBucketAndCategory(db, { role: query.role, team: query.team }, bounds);
  const minutes = quarters.map(() => noMinutes());
  for (const cell of cells) minutes[cell.bucket]![cell.category] += cell.minutes;
  return {
    quarters: quarters.map((q, i) => {
      const m = minutes[i]!;
      const totalMinutes = TIME_CATEGORIES.reduce((sum, c) => sum + m[c], 0);
      return { ...q, minutesByCategory: m, totalMinutes, engineeringShare: share(m.engineering, totalMinutes) };
    }),
  };
}
