/**
 * Grouped reads for the support analytics (issue 15). Every figure is one or a few grouped queries
 * over a date range on an indexed column (tickets.created_at, tickets.solved_at, csat_surveys.rated_at,
 * escalations.at; migrations 0024 and 0031), so no rollup table is needed and every number is exact at the
 * moment of the request. Days and months are UTC.
 */
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { SlaTargetsByPriority } from '../sla/sla-policy-match.js';
import { businessMinutesBetween } from '../sla/business-calendar.js';
import { slaContextOf } from '../sla/sla-service.js';

export interface SupportAnalyticsFilter {
  /** First day, YYYY-MM-DD (UTC), inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive. */
  to: string;
  tier?: 'tier1' | 'tier2' | 'engineering' | undefined;
  groupId?: string | undefined;
  /** null: every account; otherwise only these (the segment's accounts). */
  accountIds?: readonly string[] | null | undefined;
}

const DAY_MS = 86_400_000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
const startOf = (day: string) => `${day}T00:00:00.000Z`;

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The UTC day (YYYY-MM-DD) or month (YYYY-MM) of a timestamp column, on either dialect. */
function period(db: Kysely<Database>, column: string, unit: 'day' | 'month'): RawBuilder<string> {
  if (isPostgres(db))
    return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', ${sql.lit(unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM')})`;
  return sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(unit === 'day' ? 10 : 7)})`;
}

/**
 * The tier, group and segment filters. `steer` (SQLite) writes the tier and group tests as `+column`,
 * which SQLite never answers from an index: without table statistics it would otherwise prefer the
 * index on tier to the covering index the query was built for, and sort every row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function filtered<QB extends SelectQueryBuilder<Database, 'tickets', any>>(qb: QB, f: SupportAnalyticsFilter, steer = false): QB {
  let q = qb;
  const column = (name: 'tier' | 'group_id') => (steer ? sql<string>`+${sql.ref(`tickets.${name}`)}` : sql.ref<string>(`tickets.${name}`));
  if (f.tier) q = q.where(column('tier'), '=', f.tier) as QB;
  if (f.groupId) q = q.where(column('group_id'), '=', f.groupId) as QB;
  if (f.accountIds) q = q.where('tickets.account_id', 'in', f.accountIds.length ? [...f.accountIds] : ['']) as QB;
  return q;
}

// ---------------------------------------------------------------- SLA attainment

/**
 * Whether the ticket's SLA state records a breach of each target (`"first_reply"` / `"resolution"`
 * appear in the state only in its list of breaches). Spelled exactly as the expressions of the indexes
 * tickets_solved_sla (migration 0024, PostgreSQL) and tickets_sla_by_month (0031, SQLite), with
 * literals, so the database answers from the index alone.
 */
const BREACHED = {
  sqlite: {
    firstReply: sql.raw(`instr(tickets.sla_state, '"first_reply"') > 0`),
    resolution: sql.raw(`instr(tickets.sla_state, '"resolution"') > 0`),
  },
  postgres: {
    firstReply: sql.raw(`strpos(tickets.sla_state, '"first_reply"') > 0`),
    resolution: sql.raw(`strpos(tickets.sla_state, '"resolution"') > 0`),
  },
};

export interface SlaAttainmentCell {
  policyId: string;
  policyName: string;
  priority: string;
  month: string;
  firstReplyTargets: number;
  firstReplyMet: number;
  resolutionTargets: number;
  resolutionMet: number;
}

/**
 * SLA attainment cells (policy × priority × month of solving). A ticket solved in the period under a
 * policy counts each target its policy sets for its priority (first reply, resolution); a target is
 * met when no breach of it was recorded (the clock records each kind of breach once, in the ticket's
 * SLA state — see BREACHED).
 */
export async function slaAttainmentCells(db: Kysely<Database>, f: SupportAnalyticsFilter): Promise<SlaAttainmentCell[]> {
  const rows = await slaAttainmentQuery(db, f).execute();
  const policies = new Map(
    (await db.selectFrom('sla_policies').select(['id', 'name', 'targets']).execute()).map((p) => [
      p.id,
      { name: p.name, targets: JSON.parse(p.targets) as SlaTargetsByPriority },
    ]),
  );
  return rows.map((r) => {
    const policy = policies.get(r.policy_id!);
    const t = policy?.targets[r.priority as keyof SlaTargetsByPriority];
    const n = Number(r.n);
    const fr = t?.firstReplyMinutes != null ? n : 0;
    const res = t?.resolutionMinutes != null ? n : 0;
    return {
      policyId: r.policy_id!,
      policyName: policy?.name ?? '(removed policy)',
      priority: r.priority,
      month: String(r.month),
      firstReplyTargets: fr,
      firstReplyMet: fr ? n - Number(r.first_reply_missed) : 0,
      resolutionTargets: res,
      resolutionMet: res ? n - Number(r.resolution_missed) : 0,
    };
  });
}

/** The grouped read behind the SLA attainment cells: tickets solved in the period per month, policy and priority, with breach counts. */
export function slaAttainmentQuery(db: Kysely<Database>, f: SupportAnalyticsFilter) {
  const month = period(db, 'tickets.solved_at', 'month');
  const breached = BREACHED[isPostgres(db) ? 'postgres' : 'sqlite'];
  let solvedInPeriod = db.selectFrom('tickets');
  // SQLite: the months bound the index tickets_sla_by_month (migration 0031), which hands the rows
  // over grouped by month, policy and priority; the exact days still filter below.
  if (!isPostgres(db)) solvedInPeriod = solvedInPeriod.where(month, '>=', f.from.slice(0, 7)).where(month, '<=', f.to.slice(0, 7));
  return filtered(
    solvedInPeriod
      .select([
        'tickets.sla_policy_id as policy_id',
        'tickets.priority',
        month.as('month'),
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when ${breached.firstReply} then 1 else 0 end)`.as('first_reply_missed'),
        sql<number>`sum(case when ${breached.resolution} then 1 else 0 end)`.as('resolution_missed'),
      ])
      .where('tickets.solved_at', '>=', startOf(f.from))
      .where('tickets.solved_at', '<', startOf(nextDay(f.to)))
      .where('tickets.sla_policy_id', 'is not', null),
    f,
    !isPostgres(db),
  ).groupBy([month, 'tickets.sla_policy_id', 'tickets.priority']);
}

// ---------------------------------------------------------------- daily flow (backlog, created vs solved)

export interface DailyFlow {
  /** Tickets created before `from` and neither solved nor closed unsolved before it. */
  openAtStart: number;
  created: Map<string, number>;
  solved: Map<string, number>;
  /** Tickets closed without ever being solved (spam, duplicates closed by hand), per day. */
  closedUnsolved: Map<string, number>;
}

/**
 * Tickets per UTC day of a timestamp column. On SQLite the range is written on the day itself
 * (`substr(column, 1, 10)`), which the expression indexes tickets_created_day and tickets_solved_day
 * (migration 0036) hold in order: the days arrive grouped, where a range on the timestamp would sort
 * every ticket of the period in a temporary B-tree (issue 15: the backlog chart at a million tickets).
 */
function perDayQuery(db: Kysely<Database>, f: SupportAnalyticsFilter, column: 'tickets.created_at' | 'tickets.solved_at') {
  const day = period(db, column, 'day');
  let query = db.selectFrom('tickets').select([day.as('day'), sql<number>`count(*)`.as('n')]);
  if (isPostgres(db)) query = query.where(column, '>=', startOf(f.from)).where(column, '<', startOf(nextDay(f.to)));
  else {
    // The solved-day index is partial (unsolved tickets have no day): repeat its condition.
    if (column === 'tickets.solved_at') query = query.where('tickets.solved_at', 'is not', null);
    query = query.where(day, '>=', f.from).where(day, '<=', f.to);
  }
  return filtered(query, f, !isPostgres(db)).groupBy(day);
}

/** Tickets created per UTC day of the period. */
export const createdPerDayQuery = (db: Kysely<Database>, f: SupportAnalyticsFilter) => perDayQuery(db, f, 'tickets.created_at');

/** Tickets solved per UTC day of the period. */
export const solvedPerDayQuery = (db: Kysely<Database>, f: SupportAnalyticsFilter) => perDayQuery(db, f, 'tickets.solved_at');

/**
 * The flow of tickets per UTC day: created and solved counts, and the tickets open as the period
 * starts. Open at the end of day d = openAtStart + created up to d − solved up to d − closed unsolved
 * up to d (a ticket counts as open from its creation until its `solved_at`, or its `closed_at` when it
 * was closed without a solve; a reopened ticket is open again until solved again). Closed-unsolved
 * tickets are read from the partial index tickets_closed_unsolved (migration 0031).
 */
export async function dailyFlow(db: Kysely<Database>, f: SupportAnalyticsFilter): Promise<DailyFlow> {
  const from = startOf(f.from);
  const until = startOf(nextDay(f.to));
  const closedDay = period(db, 'tickets.closed_at', 'day');
  const [start, closedBefore, created, solved, closedUnsolved] = await Promise.all([
    filtered(
      db
        .selectFrom('tickets')
        .select(sql<number>`count(*)`.as('n'))
        .where('tickets.created_at', '<', from)
        .where((eb) => eb.or([eb('tickets.solved_at', 'is', null), eb('tickets.solved_at', '>=', from)])),
      f,
    ).executeTakeFirstOrThrow(),
    // Of those never solved, the ones already closed before the period (so created before it too).
    filtered(
      db
        .selectFrom('tickets')
        .select(sql<number>`count(*)`.as('n'))
        .where('tickets.solved_at', 'is', null)
        .where('tickets.closed_at', '<', from),
      f,
    ).executeTakeFirstOrThrow(),
    createdPerDayQuery(db, f).execute(),
    solvedPerDayQuery(db, f).execute(),
    filtered(
      db
        .selectFrom('tickets')
        .select([closedDay.as('day'), sql<number>`count(*)`.as('n')])
        .where('tickets.solved_at', 'is', null)
        .where('tickets.closed_at', '>=', from)
        .where('tickets.closed_at', '<', until),
      f,
    )
      .groupBy(closedDay)
      .execute(),
  ]);
  return {
    openAtStart: Number(start.n) - Number(closedBefore.n),
    created: new Map(created.map((r) => [String(r.day), Number(r.n)])),
    solved: new Map(solved.map((r) => [String(r.day), Number(r.n)])),
    closedUnsolved: new Map(closedUnsolved.map((r) => [String(r.day), Number(r.n)])),
  };
}

// ---------------------------------------------------------------- response times

export interface TicketTimes {
  /** Hours from creation to the first public agent reply; null without one. */
  firstReplyHours: number | null;
  /** Hours from creation to solving; null while unsolved. */
  resolutionHours: number | null;
}

/**
 * First-reply and resolution times of the tickets created in the period, in calendar hours or in
 * business hours — the hours the ticket's SLA policy's business calendar is open (a ticket without a
 * policy, or a policy without a calendar, is open around the clock, so its business hours are its
 * calendar hours).
 */
export async function ticketTimes(
  db: Kysely<Database>,
  f: SupportAnalyticsFilter,
  hours: 'calendar' | 'business' = 'calendar',
): Promise<TicketTimes[]> {
  const firstReply: Expression<string | null> = isPostgres(db)
    ? sql<string | null>`(tickets.sla_state::jsonb ->> 'firstReplyAt')`
    : sql<string | null>`json_extract(tickets.sla_state, '$.firstReplyAt')`;
  const rows = await filtered(
    db
      .selectFrom('tickets')
      .select(['tickets.created_at', 'tickets.solved_at', 'tickets.sla_policy_id', sql<string | null>`${firstReply}`.as('first_reply_at')])
      .where('tickets.created_at', '>=', startOf(f.from))
      .where('tickets.created_at', '<', startOf(nextDay(f.to))),
    f,
  ).execute();
  const calendars = new Map<string, Awaited<ReturnType<typeof slaContextOf>>['calendar']>();
  if (hours === 'business')
    for (const id of new Set(rows.map((r) => r.sla_policy_id).filter((id): id is string => id !== null)))
      calendars.set(id, (await slaContextOf(db, id, 'normal')).calendar);
  return rows.map((r) => {
    const calendar = r.sla_policy_id ? calendars.get(r.sla_policy_id) : undefined;
    const created = new Date(r.created_at);
    const hoursUntil = (end: string | null) => {
      if (!end) return null;
      const at = new Date(end);
      return calendar ? businessMinutesBetween(created, at, calendar) / 60 : Math.max(0, (at.getTime() - created.getTime()) / 3_600_000);
    };
    return { firstReplyHours: hoursUntil(r.first_reply_at), resolutionHours: hoursUntil(r.solved_at) };
  });
}

// ---------------------------------------------------------------- CSAT

/** CSAT answers per month of answering: responses and good ones. */
export async function csatByMonth(
  db: Kysely<Database>,
  f: SupportAnalyticsFilter,
): Promise<Map<string, { responses: number; good: number }>> {
  const month = period(db, 'csat_surveys.rated_at', 'month');
  let q = db
    .selectFrom('csat_surveys')
    .select([
      month.as('month'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when csat_surveys.rating = 'good' then 1 else 0 end)`.as('good'),
    ])
    .where('csat_surveys.rating', 'is not', null)
    .where('csat_surveys.rated_at', '>=', startOf(f.from))
    .where('csat_surveys.rated_at', '<', startOf(nextDay(f.to)));
  if (f.accountIds) q = q.where('csat_surveys.account_id', 'in', f.accountIds.length ? [...f.accountIds] : ['']);
  if (f.tier || f.groupId) {
    q = q.where('csat_surveys.ticket_id', 'in', (eb) => {
      let s = eb.selectFrom('tickets').select('tickets.id');
      if (f.tier) s = s.where('tickets.tier', '=', f.tier);
      if (f.groupId) s = s.where('tickets.group_id', '=', f.groupId);
      return s;
    });
  }
  const rows = await q.groupBy(month).execute();
  return new Map(rows.map((r) => [String(r.month), { responses: Number(r.n), good: Number(r.good) }]));
}

// ---------------------------------------------------------------- escalation rate

/**
 * Per month of creation: the tickets created in Tier 1 (every ticket starts there) and, of those,
 * the ones escalated from Tier 1 to Tier 2 at any time since (counted once each).
 */
export async function escalationsByMonth(
  db: Kysely<Database>,
  f: Omit<SupportAnalyticsFilter, 'tier'>,
): Promise<Map<string, { tier1: number; escalated: number }>> {
  const month = period(db, 'tickets.created_at', 'month');
  const rows = await filtered(
    db
      .selectFrom('tickets')
      .select([
        month.as('month'),
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when exists (select 1 from escalations e where e.ticket_id = tickets.id and e.from_tier = 'tier1' and e.to_tier = 'tier2') then 1 else 0 end)`.as(
          'escalated',
        ),
      ])
      .where('tickets.created_at', '>=', startOf(f.from))
      .where('tickets.created_at', '<', startOf(nextDay(f.to))),
    { ...f, tier: undefined },
  )
    .groupBy(month)
    .execute();
  return new Map(rows.map((r) => [String(r.month), { tier1: Number(r.n), escalated: Number(r.escalated) }]));
}

/** Support's queues (ticket groups), for the analytics filter. */
export async function analyticsGroups(db: Kysely<Database>): Promise<{ id: string; name: string; tier: string }[]> {
  return db.selectFrom('ticket_groups').select(['id', 'name', 'tier']).orderBy('name').execute();
}
