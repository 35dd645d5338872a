import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Role } from '../../identity/index.js';
import type { TimeCategory } from '../contract/time-entries.js';

/**
 * The team view's reads: grouped sums over time entries for a whole filtered team, so the view is
 * the same handful of queries for five people or five hundred.
 */

export interface TeamFilter {
  role?: Role | undefined;
  team?: string | undefined;
}

export interface ViewMemberRow {
  id: string;
  name: string;
  title: string | null;
  team: string | null;
  status: 'active' | 'invited' | 'disabled';
  capacityHours: number;
  workingDays: number[];
  roles: Role[];
}

/** The ids of the members a filter selects, as a subquery. */
function memberIds(db: Kysely<Database>, filter: TeamFilter) {
  let query = db.selectFrom('members').select('members.id');
  if (filter.team) query = query.where('members.team', '=', filter.team);
  const role = filter.role;
  if (role)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_roles')
          .select('member_roles.member_id')
          .whereRef('member_roles.member_id', '=', 'members.id')
          .where('member_roles.role', '=', role),
      ),
    );
  return query;
}

/** Every member the filter selects, whatever their status, with their roles and working days. */
export async function viewMembers(db: Kysely<Database>, filter: TeamFilter): Promise<ViewMemberRow[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name', 'title', 'team', 'status', 'capacity_hours', 'working_hours'])
    .where('id', 'in', memberIds(db, filter))
    .orderBy('name')
    .orderBy('id')
    .execute();
  if (!rows.length) return [];
  const roles = await db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', memberIds(db, filter)).execute();
  const rolesOf = new Map<string, Role[]>();
  for (const r of roles) rolesOf.set(r.member_id, [...(rolesOf.get(r.member_id) ?? []), r.role as Role]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    team: r.team,
    status: r.status,
    capacityHours: r.capacity_hours,
    workingDays: (JSON.parse(r.working_hours) as { days: number[] }).days,
    roles: (rolesOf.get(r.id) ?? []).sort(),
  }));
}

export interface MemberCategoryMinutes {
  memberId: string;
  category: TimeCategory;
  minutes: number;
  billableMinutes: number;
}

/** Minutes and billable minutes per member and category, for time started in [fromIso, toIso). */
export async function minutesByMemberAndCategory(
  db: Kysely<Database>,
  filter: TeamFilter,
  fromIso: string,
  toIso: string,
): Promise<MemberCategoryMinutes[]> {
  const rows = await db
    .selectFrom('time_entries')
    .select(['member_id', 'category'])
    .select((eb) => [
      eb.fn.sum<number>('minutes').as('minutes'),
      eb.fn.sum<number>(sql`case when billable = 1 then minutes else 0 end`).as('billable_minutes'),
    ])
    .where('started_at', '>=', fromIso)
    .where('started_at', '<', toIso)
    .where('member_id', 'in', memberIds(db, filter))
    .groupBy(['member_id', 'category'])
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    category: r.category,
    minutes: Number(r.minutes),
    billableMinutes: Number(r.billable_minutes),
  }));
}

export interface BucketCategoryMinutes {
  bucket: number;
  category: TimeCategory;
  minutes: number;
}

/**
 * Minutes per category in consecutive periods: `bounds` are ISO instants, period i running from
 * bounds[i] to bounds[i + 1]. The period is a CASE in a subquery, so both dialects group by it alike.
 */
export async function minutesByBucketAndCategory(
  db: Kysely<Database>,
  filter: TeamFilter,
  bounds: readonly string[],
): Promise<BucketCategoryMinutes[]> {
  if (bounds.length < 2) return [];
  const bucket = sql<number>`case ${sql.join(
    bounds.slice(1).map((end, i) => sql`when started_at < ${end} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
  const entries = db
    .selectFrom('time_entries')
    .select(['category', 'minutes'])
    .select(bucket.as('bucket'))
    .where('started_at', '>=', bounds[0]!)
    .where('started_at', '<', bounds[bounds.length - 1]!)
    .where('member_id', 'in', memberIds(db, filter));
  const rows = await db
    .selectFrom(entries.as('t'))
    .select(['t.bucket', 't.category'])
    .select((eb) => eb.fn.sum<number>('t.minutes').as('minutes'))
    .groupBy(['t.bucket', 't.category'])
    .execute();
  return rows.map((r) => ({ bucket: Number(r.bucket), category: r.category, minutes: Number(r.minutes) }));
}
