import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { openBlockerFeedback } from '../../feedback/index.js';
import type { MeasureResult } from '../contract/health.js';
import { HEALTH_METRICS, type HealthGrade, type HealthMetric } from '../contract/kinds.js';
import { usageFigures } from '../usage/usage-figures.js';
// Each figure is its owner's batch read: one grouped query over a chunk of accounts.
import { accountsToScore, lastInteractions } from '../../accounts/index.js';
import { csatFigures, openTickets, slaBreaches } from '../../support/index.js';
import { environmentsBehind, liveEngagementSlip, trainingAttendance } from '../../delivery/index.js';
import { loadModels, modelFor } from './health-models.js';
import { describeMeasure, type MeasureFacts } from './measure-text.js';
import { scoreHealth, type ActiveOverride } from './score.js';

const isoDaysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/** Accounts per round of reads and writes: ~11 grouped reads and two multi-row upserts per chunk. */
const CHUNK = 500;
const DAY_MS = 86_400_000;

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const daysBetween = (fromIso: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(fromIso)) / DAY_MS));

/** The override in force for each account at `now` (the newest, should two overlap), with its id. */
export async function activeOverrides(
  db: Kysely<Database>,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, ActiveOverride & { id: string }>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('health_overrides')
    .select(['id', 'account_id', 'grade', 'expires_at', 'created_at'])
    .where('account_id', 'in', [...accountIds])
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((r) => [r.account_id, { id: r.id, grade: r.grade, expiresAt: r.expires_at }]));
}

/** Each account's score on the latest snapshot at or before `day`. */
async function scoresOn(db: Kysely<Database>, accountIds: readonly string[], day: string): Promise<Map<string, number | null>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('health_snapshots as s')
    .select(['s.account_id', 's.score'])
    .where('s.account_id', 'in', [...accountIds])
    .where('s.day', '=', (eb) =>
      eb
        .selectFrom('health_snapshots as p')
        .select(sql<string>`max(p.day)`.as('d'))
        .whereRef('p.account_id', '=', 's.account_id')
        .where('p.day', '<=', day),
    )
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.score === null ? null : Number(r.score)]));
}

/**
 * Computes the health of every account (or the given ones) at `now` with its segment's model and
 * any override in force, and stores it: `account_health` (what the portfolio reads, with every
 * metric's raw value for the playbook rules) and today's snapshot (UTC day; a second run the same
 * day replaces it). Reads and writes go ~500 accounts at a time: a fixed number of grouped queries
 * and two multi-row upserts per chunk, whatever the number of accounts.
 *
 * @example await refreshHealth(db, new Date(), [accountId]);
 */
export async function refreshHealth(db: Kysely<Database>, now: Date, accountIds?: readonly string[]): Promise<void> {
  const accounts = await accountsToScore(db, accountIds);
  if (!accounts.length) return;
  const models = await loadModels(db);
  const nowIso = now.toISOString();
  const today = dayOf(now);
  const thirtyDaysAgo = dayOf(new Date(now.getTime() - 30 * DAY_MS));

  for (let i = 0; i < accounts.length; i += CHUNK) {
    const chunk = accounts.slice(i, i + CHUNK);
    const ids = chunk.map((a) => a.id);
    const [open, breaches, csat, lastSeen, environments, engagements, training, blockers, usage, overrides, before] = await Promise.all([
      openTickets(db, ids),
      slaBreaches(db, ids, isoDaysBefore(now, 30)),
      csatFigures(db, ids, isoDaysBefore(now, 90), nowIso),
      lastInteractions(db, ids, nowIso),
      environmentsBehind(db, ids),
      liveEngagementSlip(db, ids, now),
      trainingAttendance(db, ids, isoDaysBefore(now, 180), nowIso),
      openBlockerFeedback(db, ids),
      usageFigures(db, now, ids),
      activeOverrides(db, ids, now),
      scoresOn(db, ids, thirtyDaysAgo),
    ]);

    const healthRows: Insertable<Database['account_health']>[] = [];
    const snapshotRows: Insertable<Database['health_snapshots']>[] = [];
    for (const account of chunk) {
      const envs = environments.get(account.id) ?? [];
      const worstEnvironment = envs.reduce<(typeof envs)[number] | undefined>((w, e) => (!w || e.behind > w.behind ? e : w), undefined);
      const live = engagements.get(account.id) ?? [];
      const late = live
        .filter((e) => e.oldestLateDue !== null)
        .map((e) => ({ engagementId: e.engagementId, name: e.name, days: daysBetween(e.oldestLateDue!, new Date(`${today}T00:00:00Z`)) }))
        .sort((a, b) => b.days - a.days)[0];
      const lastInteractionAt = lastSeen.get(account.id);
      const u = usage.get(account.id);
      const t = training.get(account.id);
      const facts: MeasureFacts = {
        accountId: account.id,
        openTickets: open.get(account.id) ?? { count: 0, oldest: [] },
        slaBreaches: breaches.get(account.id) ?? { count: 0, tickets: [] },
        csat: csat.get(account.id),
        lastInteractionAt,
        // Never an interaction: the days since the account was created, so a new account starts
        // fresh and one left silent since it was created loses points like any silent account.
        daysSinceInteraction: daysBetween(lastInteractionAt ?? account.createdAt, now),
        usage: u,
        worstEnvironment,
        environments: envs.length,
        lateEngagement: late,
        liveEngagements: live.length,
        blockerFeedback: blockers.get(account.id) ?? 0,
        training: t && t.invited > 0 ? t : undefined,
      };
      // Every metric's value, null where the account has nothing to measure (no CSAT answers in 90
      // days, no licences or seats or earlier usage, no active environment, no live engagement, no
      // training invitation in 180 days): a measure without data is left out of the score.
      const values: Record<HealthMetric, number | null> = {
        open_tickets: facts.openTickets.count,
        sla_breaches_30d: facts.slaBreaches.count,
        csat_average: facts.csat ? Math.round(facts.csat.average * 100) / 100 : null,
        days_since_interaction: facts.daysSinceInteraction,
        feature_adoption: u?.featureAdoption ?? null,
        active_user_trend: u?.activeUserTrend ?? null,
        seat_utilisation: u?.seatUtilisation ?? null,
        versions_behind: worstEnvironment ? worstEnvironment.behind : null,
        schedule_slip_days: live.length ? (late?.days ?? 0) : null,
        open_blocker_feedback: facts.blockerFeedback,
        training_attendance: facts.training ? Math.round((facts.training.attended / facts.training.invited) * 1000) / 10 : null,
      };
      const model = modelFor(models, account.segment);
      const override = overrides.get(account.id) ?? null;
      const result = scoreHealth(model, values, override, now);
      const scored = new Map(result.drivers.map((d) => [d.metric, d]));
      // Drivers first (most points lost first), then the model's measures without data.
      const measures: MeasureResult[] = [
        ...result.drivers.map((d) => ({ ...d, ...describeMeasure(d.metric, facts) })),
        ...model.measures
          .filter((m) => !scored.has(m.metric))
          .map((m) => ({
            metric: m.metric,
            value: values[m.metric],
            score: null,
            weight: m.weight,
            pointsLost: 0,
            ...describeMeasure(m.metric, facts),
          })),
      ];
      const measuresJson = JSON.stringify(measures);
      const past = before.get(account.id) ?? null;
      healthRows.push({
        account_id: account.id,
        score: result.score,
        grade: result.grade,
        computed_score: result.computedScore,
        computed_grade: result.computedGrade,
        score_30_days_ago: past,
        change_30_days: past !== null && result.computedScore !== null ? result.computedScore - past : null,
        measures: measuresJson,
        metric_values: JSON.stringify(Object.fromEntries(HEALTH_METRICS.map((m) => [m, values[m]]))),
        model_scope: model.scope,
        override_expires_at: result.overridden ? override!.expiresAt : null,
        computed_at: nowIso,
      });
      snapshotRows.push({
        account_id: account.id,
        day: today,
        segment: account.segment,
        score: result.score,
        grade: result.grade as HealthGrade | null,
        measures: measuresJson,
      });
    }

    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('account_health')
        .values(healthRows)
        .onConflict((oc) =>
          oc.column('account_id').doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            grade: eb.ref('excluded.grade'),
            computed_score: eb.ref('excluded.computed_score'),
            computed_grade: eb.ref('excluded.computed_grade'),
            score_30_days_ago: eb.ref('excluded.score_30_days_ago'),
            change_30_days: eb.ref('excluded.change_30_days'),
            measures: eb.ref('excluded.measures'),
            metric_values: eb.ref('excluded.metric_values'),
            model_scope: eb.ref('excluded.model_scope'),
            override_expires_at: eb.ref('excluded.override_expires_at'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
      await trx
        .insertInto('health_snapshots')
        .values(snapshotRows)
        .onConflict((oc) =>
          oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({
            segment: eb.ref('excluded.segment'),
            score: eb.ref('excluded.score'),
            grade: eb.ref('excluded.grade'),
            measures: eb.ref('excluded.measures'),
          })),
        )
        .execute();
    });
  }
}

/**
 * Accounts whose stored grade still shows an override that has expired or was lifted: the hourly
 * pass refreshes them so the portfolio (which reads the stored grade) never shows a stale override.
 */
export async function accountsWithStaleOverride(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('account_health')
    .select('account_id')
    .where('override_expires_at', 'is not', null)
    .where('override_expires_at', '<=', now.toISOString())
    .execute();
  return rows.map((r) => r.account_id);
}
