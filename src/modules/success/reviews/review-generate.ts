import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { accountRefs } from '../../accounts/index.js';
import { engagementProgress, environmentsBehind } from '../../delivery/index.js';
import { requestsShippedFor } from '../../feedback/index.js';
import { ticketsForReview } from '../../support/index.js';
import type { ReviewData } from '../contract/reviews.js';
import { getAccountHealth } from '../health/health-service.js';
import { planProgress } from '../plans/plan-progress.js';
import { renewalOf } from '../renewals/renewal-of.js';
import { getAdoption } from '../usage/adoption-read.js';
import { daysBetween, engagementFigures, periodInstants, slaAttainment, ticketFigures } from './review-figures.js';

/**
 * A review's figures for an account and period, read live from the owners (support, delivery,
 * feedback, accounts) and from this module (health, adoption, plans, renewal). Figures that are
 * "as of" a moment (health, adoption, environments, renewal) are taken at the period's end, or now
 * when the period has not ended yet.
 */
export async function generateReviewData(
  db: Kysely<Database>,
  accountId: string,
  periodStart: string,
  periodEnd: string,
  now: Date,
): Promise<ReviewData> {
  const { from, to } = periodInstants(periodStart, periodEnd);
  const asOf = new Date(Math.min(now.getTime(), Date.parse(to) - 1));
  const days = Math.min(366, Math.max(1, daysBetween(periodStart, periodEnd) + 1));
  const ids = [accountId];
  const [accounts, health, snapshots, tickets, engagements, environments, adoption, shipped, plans, renewal] = await Promise.all([
    accountRefs(db, ids),
    getAccountHealth(db, accountId, now),
    db
      .selectFrom('health_snapshots')
      .select(['day', 'score'])
      .where('account_id', '=', accountId)
      .where('day', '>=', periodStart)
      .where('day', '<=', periodEnd)
      .orderBy('day')
      .execute(),
    ticketsForReview(db, ids, from, to),
    engagementProgress(db, ids, periodEnd),
    environmentsBehind(db, ids),
    getAdoption(db, accountId, asOf, days),
    requestsShippedFor(db, ids, from, to),
    planProgress(db, accountId),
    renewalOf(db, accountId, now),
  ]);
  const account = accounts.get(accountId)!;
  const trend = snapshots.map((s) => ({ day: String(s.day).slice(0, 10), score: s.score === null ? null : Number(s.score) }));
  const scored = trend.filter((s) => s.score !== null);
  const accountTickets = tickets.get(accountId) ?? [];
  return {
    account: { id: account.id, name: account.name, segment: account.segment },
    generatedAt: now.toISOString(),
    health: {
      score: health.score,
      grade: health.grade,
      changeThirtyDays: health.changeThirtyDays,
      scoreAtStart: scored[0]?.score ?? null,
      scoreAtEnd: scored.at(-1)?.score ?? null,
      trend,
    },
    sla: slaAttainment(accountTickets),
    tickets: ticketFigures(accountTickets, asOf),
    engagements: engagementFigures(engagements.get(accountId) ?? []),
    environments: (environments.get(accountId) ?? []).map((e) => ({ name: e.name, version: e.version, behind: e.behind })),
    adoption: {
      seats: adoption.seats,
      activeUsers: adoption.activeUsers,
      seatUtilisation: adoption.seatUtilisation,
      featureAdoption: adoption.featureAdoption,
      activeUserTrend: adoption.activeUserTrend,
      features: adoption.licensedFeatures.map((f) => ({ feature: f.feature, used: f.usedInLast30Days, events: f.eventsLast30Days })),
    },
    feedbackShipped: (shipped.get(accountId) ?? []).map((r) => ({ id: r.id, title: r.title, shippedAt: r.shippedAt })),
    plans: plans.plans,
    renewal,
  };
}
