import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { accountExists } from '../../accounts/index.js';
import type { Adoption } from '../contract/usage.js';
import {
  activeUsersInWindow,
  activeUserTrend,
  adoptionWindows,
  featureAdoption,
  seatUtilisation,
  shiftDay,
  utcDay,
} from './adoption-calculator.js';
import * as repo from './usage-repository.js';

/** The series with a zero for each day without usage, so the chart's time axis is even. */
function everyDay(
  rows: readonly { day: string; activeUsers: number; events: number }[],
  from: string,
  to: string,
): { day: string; activeUsers: number; events: number }[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: { day: string; activeUsers: number; events: number }[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) out.push(byDay.get(day) ?? { day, activeUsers: 0, events: 0 });
  // A day in the future (clock skew is accepted up to a day) still shows.
  for (const r of rows) if (r.day > to) out.push(r);
  return out;
}

/**
 * One account's adoption (GET /api/accounts/:id/adoption): the same figures the health model
 * reads (usageFigures), with the detail behind them and a daily series of `days` days for the chart.
 */
export async function getAdoption(db: Kysely<Database>, accountId: string, now: Date, days: number): Promise<Adoption> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound();
  const { current, previous } = adoptionWindows(now);
  const ids = [accountId];
  const [settings, licensed, used, lastUse, currentUsers, previousUsers, daily] = await Promise.all([
    repo.findSettings(db, accountId),
    repo.licensedFeatures(db, accountId),
    repo.featureUseSince(db, accountId, current.from),
    repo.lastUseByFeature(db, accountId),
    repo.activeUserFigures(db, current.from, null, ids),
    repo.activeUserFigures(db, previous.from, previous.to, ids),
    repo.dailySeries(db, accountId, shiftDay(utcDay(now), -(days - 1))),
  ]);
  const cur = currentUsers.get(accountId);
  const prev = previousUsers.get(accountId);
  const activeUsers = cur ? activeUsersInWindow(cur.distinctUsers, cur.largestReported) : 0;
  const activeBefore = prev ? activeUsersInWindow(prev.distinctUsers, prev.largestReported) : 0;
  const usedByFeature = new Map(used.map((u) => [u.featureKey, u]));
  const licensedSet = new Set(licensed);
  const seats = settings?.seats ?? null;
  return {
    accountId,
    seats,
    activeUsers,
    seatUtilisation: seatUtilisation(activeUsers, seats),
    featureAdoption: featureAdoption(licensed, new Set(usedByFeature.keys())).featureAdoption,
    activeUserTrend: activeUserTrend(activeUsers, activeBefore),
    licensedFeatures: licensed.map((feature) => ({
      feature,
      usedInLast30Days: usedByFeature.has(feature),
      eventsLast30Days: usedByFeature.get(feature)?.events ?? 0,
      lastUsedOn: lastUse.get(feature) ?? null,
    })),
    unlicensedFeaturesUsed: used
      .filter((u) => !licensedSet.has(u.featureKey))
      .sort((a, b) => b.events - a.events || a.featureKey.localeCompare(b.featureKey))
      .map((u) => ({ feature: u.featureKey, eventsLast30Days: u.events, lastUsedOn: u.lastDay })),
    daily: everyDay(daily, shiftDay(utcDay(now), -(days - 1)), utcDay(now)),
  };
}
