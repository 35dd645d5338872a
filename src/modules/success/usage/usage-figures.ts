import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { activeUsersInWindow, activeUserTrend, adoptionWindows, featureAdoption, seatUtilisation } from './adoption-calculator.js';
import * as repo from './usage-repository.js';

/** One account's adoption figures as the health model reads them (percentages 0–100, null without data). */
export interface UsageFigures {
  featureAdoption: number | null;
  activeUserTrend: number | null;
  seatUtilisation: number | null;
  unusedFeatures: string[];
}

/**
 * Adoption figures for every account with usage or licences (or only the given ones), from a
 * fixed handful of grouped queries whatever the number of accounts: the daily health snapshot runs
 * it over 10,000. Accounts with neither licences nor usage are absent from the map.
 *
 * @example const figures = await usageFigures(db, new Date(), [accountId]); figures.get(accountId)?.featureAdoption
 */
export async function usageFigures(db: Kysely<Database>, now: Date, accountIds?: readonly string[]): Promise<Map<string, UsageFigures>> {
  const { current, previous } = adoptionWindows(now);
  const [seats, licensed, used, currentUsers, previousUsers] = await Promise.all([
    repo.seatsByAccount(db, accountIds),
    repo.licensedFeaturesByAccount(db, accountIds),
    repo.featuresUsedSince(db, current.from, accountIds),
    repo.activeUserFigures(db, current.from, null, accountIds),
    repo.activeUserFigures(db, previous.from, previous.to, accountIds),
  ]);

  const ids = new Set<string>([...seats.keys(), ...licensed.keys(), ...currentUsers.keys(), ...previousUsers.keys()]);
  const result = new Map<string, UsageFigures>();
  for (const id of ids) {
    const cur = currentUsers.get(id);
    const prev = previousUsers.get(id);
    const activeNow = cur ? activeUsersInWindow(cur.distinctUsers, cur.largestReported) : 0;
    const activeBefore = prev ? activeUsersInWindow(prev.distinctUsers, prev.largestReported) : 0;
    const adoption = featureAdoption(licensed.get(id) ?? [], used.get(id) ?? new Set());
    result.set(id, {
      featureAdoption: adoption.featureAdoption,
      activeUserTrend: activeUserTrend(activeNow, activeBefore),
      seatUtilisation: seatUtilisation(activeNow, seats.get(id) ?? null),
      unusedFeatures: adoption.unusedFeatures,
    });
  }
  return result;
}
