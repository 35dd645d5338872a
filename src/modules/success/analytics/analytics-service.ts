/**
 * The figures behind the support and delivery analytics (issue 15), from the support and delivery
 * modules' grouped reads, each with its CSV table. Nothing is stored: every chart is computed from
 * indexed date ranges at request time, so it is exact.
 */
import type { Kysely } from 'kysely';
import { errors } from '../../../kernel/errors.js';
import type { Database } from '../../../db/schema.js';
import { accountIdsInSegment } from '../../accounts/index.js';
import {
  csatByMonth,
  dailyFlow,
  escalationsByMonth,
  slaAttainmentCells,
  ticketTimes,
  type SupportAnalyticsFilter,
} from '../../support/index.js';
import { liveEngagementPortfolio } from '../../delivery/index.js';
import {
  RESPONSE_BUCKETS,
  type Backlog,
  type CreatedVsSolved,
  type CsatTrend,
  type DeliveryEngagements,
  type EscalationRate,
  type ResponseTimes,
  type ResponseTimesQuery,
  type SlaAttainment,
  type SupportAnalyticsQuery,
} from '../contract/analytics.js';

export interface CsvTable {
  columns: string[];
  rows: (string | number | null)[][];
}

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS));
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const round1 = (n: number) => Math.round(n * 10) / 10;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to.slice(0, 7)) return out;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** The Monday starting the ISO week of a day. */
function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The period of a query: from/to as given, else the six months up to today (this month and the five before). */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }, now = new Date()): { from: string; to: string } {
  const to = q.to ?? dayOf(now);
  const end = new Date(`${to}T00:00:00.000Z`);
  const from = q.from ?? dayOf(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 5, 1)));
  // A chart has a point per day or month: three years is the most a screen (or a CSV) is asked for.
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > MAX_PERIOD_DAYS * 86_400_000)
    throw errors.validation(`A period spans at most ${MAX_PERIOD_DAYS} days: choose a later start or an earlier end.`, { field: 'from' });
  return { from, to };
}

const MAX_PERIOD_DAYS = 3 * 366;

async function filterOf(db: Kysely<Database>, q: SupportAnalyticsQuery, now: Date): Promise<SupportAnalyticsFilter> {
  return {
    ...periodOf(q, now),
    tier: q.tier,
    groupId: q.groupId,
    accountIds: q.segment ? await accountIdsInSegment(db, q.segment) : null,
  };
}

// ---------------------------------------------------------------- SLA attainment

export async function slaAttainment(
  db: Kysely<Database>,
  q: SupportAnalyticsQuery & { by: SlaAttainment['by'] },
  now = new Date(),
): Promise<SlaAttainment> {
  const f = await filterOf(db, q, now);
  const cells = await slaAttainmentCells(db, f);
  type Row = SlaAttainment['rows'][number];
  const blank = (key: string, label: string): Row => ({
    key,
    label,
    targets: 0,
    met: 0,
    missed: 0,
    attainment: null,
    firstReplyTargets: 0,
    firstReplyMet: 0,
    resolutionTargets: 0,
    resolutionMet: 0,
  });
  const rows = new Map<string, Row>();
  if (q.by === 'month') for (const m of monthsBetween(f.from, f.to)) rows.set(m, blank(m, m));
  if (q.by === 'priority') for (const p of ['urgent', 'high', 'normal', 'low']) rows.set(p, blank(p, p));
  const total = blank('total', 'Total');
  for (const c of cells) {
    const key = q.by === 'policy' ? c.policyId : q.by === 'priority' ? c.priority : c.month;
    const label = q.by === 'policy' ? c.policyName : key;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = blank(key, label)));
    for (const r of [row, total]) {
      r.firstReplyTargets += c.firstReplyTargets;
      r.firstReplyMet += c.firstReplyMet;
      r.resolutionTargets += c.resolutionTargets;
      r.resolutionMet += c.resolutionMet;
    }
  }
  const finish = (r: Row): Row => {
    const targets = r.firstReplyTargets + r.resolutionTargets;
    const met = r.firstReplyMet + r.resolutionMet;
    return { ...r, targets, met, missed: targets - met, attainment: pct(met, targets) };
  };
  let list = [...rows.values()].map(finish);
  if (q.by === 'policy') list = list.sort((a, b) => a.label.localeCompare(b.label));
  return { from: f.from, to: f.to, by: q.by, rows: list, total: finish(total) };
}

export function slaAttainmentCsv(a: SlaAttainment): CsvTable {
  return {
    columns: [
      a.by,
      'targets',
      'met',
      'missed',
      'attainment_percent',
      'first_reply_targets',
      'first_reply_met',
      'resolution_targets',
      'resolution_met',
    ],
    rows: a.rows.map((r) => [
      r.label,
      r.targets,
      r.met,
      r.missed,
      r.attainment,
      r.firstReplyTargets,
      r.firstReplyMet,
      r.resolutionTargets,
      r.resolutionMet,
    ]),
  };
}

// ---------------------------------------------------------------- response times

function bucketOf(hours: number): number {
  const limits = [1, 4, 8, 24, 72, 168];
  const i = limits.findIndex((l) => hours < l);
  return i === -1 ? limits.length : i;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return round1(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

export async function responseTimes(db: Kysely<Database>, q: ResponseTimesQuery, now = new Date()): Promise<ResponseTimes> {
  const f = await filterOf(db, q, now);
  const times = await ticketTimes(db, f, q.hours);
  const buckets = RESPONSE_BUCKETS.map((bucket) => ({ bucket: bucket as string, firstReply: 0, resolution: 0 }));
  const fr: number[] = [];
  const res: number[] = [];
  for (const t of times) {
    if (t.firstReplyHours !== null) {
      fr.push(t.firstReplyHours);
      buckets[bucketOf(t.firstReplyHours)]!.firstReply += 1;
    }
    if (t.resolutionHours !== null) {
      res.push(t.resolutionHours);
      buckets[bucketOf(t.resolutionHours)]!.resolution += 1;
    }
  }
  fr.sort((a, b) => a - b);
  res.sort((a, b) => a - b);
  return {
    from: f.from,
    to: f.to,
    hours: q.hours,
    buckets,
    firstReply: { count: fr.length, medianHours: percentile(fr, 50), p90Hours: percentile(fr, 90) },
    resolution: { count: res.length, medianHours: percentile(res, 50), p90Hours: percentile(res, 90) },
  };
}

export function responseTimesCsv(r: ResponseTimes): CsvTable {
  return {
    columns: ['bucket', 'first_reply_tickets', 'resolution_tickets'],
    rows: r.buckets.map((b) => [b.bucket, b.firstReply, b.resolution]),
  };
}

// ---------------------------------------------------------------- backlog, created vs solved

export async function backlog(
  db: Kysely<Database>,
  q: SupportAnalyticsQuery & { interval: Backlog['interval'] },
  now = new Date(),
): Promise<Backlog> {
  const f = await filterOf(db, q, now);
  const flow = await dailyFlow(db, f);
  let open = flow.openAtStart;
  const points: Backlog['points'] = [];
  const days = daysBetween(f.from, f.to);
  days.forEach((day, i) => {
    open += (flow.created.get(day) ?? 0) - (flow.solved.get(day) ?? 0) - (flow.closedUnsolved.get(day) ?? 0);
    const sunday = new Date(`${day}T00:00:00.000Z`).getUTCDay() === 0;
    if (q.interval === 'day' || sunday || i === days.length - 1) points.push({ day, open });
  });
  return { from: f.from, to: f.to, interval: q.interval, points };
}

export const backlogCsv = (b: Backlog): CsvTable => ({ columns: ['day', 'open_tickets'], rows: b.points.map((p) => [p.day, p.open]) });

export async function createdVsSolved(db: Kysely<Database>, q: SupportAnalyticsQuery, now = new Date()): Promise<CreatedVsSolved> {
  const f = await filterOf(db, q, now);
  const flow = await dailyFlow(db, f);
  const weeks = new Map<string, { week: string; created: number; solved: number }>();
  for (const day of daysBetween(f.from, f.to)) {
    const key = weekStart(day);
    let w = weeks.get(key);
    if (!w) weeks.set(key, (w = { week: key, created: 0, solved: 0 }));
    w.created += flow.created.get(day) ?? 0;
    w.solved += flow.solved.get(day) ?? 0;
  }
  return { from: f.from, to: f.to, weeks: [...weeks.values()] };
}

export const createdVsSolvedCsv = (c: CreatedVsSolved): CsvTable => ({
  columns: ['week_starting', 'created', 'solved'],
  rows: c.weeks.map((w) => [w.week, w.created, w.solved]),
});

// ---------------------------------------------------------------- CSAT, escalation rate

export async function csatTrend(db: Kysely<Database>, q: SupportAnalyticsQuery, now = new Date()): Promise<CsatTrend> {
  const f = await filterOf(db, q, now);
  const byMonth = await csatByMonth(db, f);
  return {
    from: f.from,
    to: f.to,
    months: monthsBetween(f.from, f.to).map((month) => {
      const m = byMonth.get(month) ?? { responses: 0, good: 0 };
      return { month, responses: m.responses, good: m.good, goodPercent: pct(m.good, m.responses) };
    }),
  };
}

export const csatTrendCsv = (c: CsatTrend): CsvTable => ({
  columns: ['month', 'responses', 'good', 'good_percent'],
  rows: c.months.map((m) => [m.month, m.responses, m.good, m.goodPercent]),
});

export async function escalationRate(db: Kysely<Database>, q: SupportAnalyticsQuery, now = new Date()): Promise<EscalationRate> {
  const f = await filterOf(db, q, now);
  const byMonth = await escalationsByMonth(db, f);
  return {
    from: f.from,
    to: f.to,
    months: monthsBetween(f.from, f.to).map((month) => {
      const m = byMonth.get(month) ?? { tier1: 0, escalated: 0 };
      return { month, tier1: m.tier1, escalated: m.escalated, rate: pct(m.escalated, m.tier1) };
    }),
  };
}

export const escalationRateCsv = (e: EscalationRate): CsvTable => ({
  columns: ['month', 'tier1_tickets', 'escalated_to_tier2', 'rate_percent'],
  rows: e.months.map((m) => [m.month, m.tier1, m.escalated, m.rate]),
});

// ---------------------------------------------------------------- delivery

export async function deliveryEngagements(
  db: Kysely<Database>,
  q: { segment?: string | undefined },
  now = new Date(),
): Promise<DeliveryEngagements> {
  const accountIds = q.segment ? await accountIdsInSegment(db, q.segment) : null;
  const live = await liveEngagementPortfolio(db, accountIds, now);
  const engagements = live.map((e) => ({
    id: e.id,
    name: e.name,
    account: e.account,
    status: e.status,
    budgetHours: e.budgetHours,
    loggedHours: e.loggedHours,
    burnPercent: pct(e.loggedHours, e.budgetHours),
    targetGoLiveDate: e.targetGoLiveDate,
    projectedGoLiveDate: e.projectedGoLiveDate,
    slipDays: e.slipDays,
  }));
  const budgetHours = round1(engagements.reduce((s, e) => s + e.budgetHours, 0));
  const loggedHours = round1(engagements.reduce((s, e) => s + e.loggedHours, 0));
  const withTarget = engagements.filter((e) => e.slipDays !== null);
  return {
    engagements,
    totals: {
      engagements: engagements.length,
      budgetHours,
      loggedHours,
      burnPercent: pct(loggedHours, budgetHours),
      overBudget: engagements.filter((e) => e.budgetHours > 0 && e.loggedHours > e.budgetHours).length,
      slipping: withTarget.filter((e) => (e.slipDays ?? 0) > 0).length,
      averageSlipDays: withTarget.length ? round1(withTarget.reduce((s, e) => s + (e.slipDays ?? 0), 0) / withTarget.length) : null,
    },
  };
}

export const deliveryEngagementsCsv = (d: DeliveryEngagements): CsvTable => ({
  columns: [
    'engagement',
    'account',
    'status',
    'budget_hours',
    'logged_hours',
    'burn_percent',
    'target_go_live',
    'projected_go_live',
    'slip_days',
  ],
  rows: d.engagements.map((e) => [
    e.name,
    e.account.name,
    e.status,
    e.budgetHours,
    e.loggedHours,
    e.burnPercent,
    e.targetGoLiveDate,
    e.projectedGoLiveDate,
    e.slipDays,
  ]),
});
