import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * The usage tables in SQL: event ids, the daily roll-ups, licences. Writes are multi-row inserts
 * and `on conflict` upserts (both dialects), so a batch of 1,000 events costs a handful of
 * statements. Reads are grouped per account and take an optional `in` list of accounts.
 */

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const ID_CHUNK = 1000;
const ROW_CHUNK = 1000; // one statement per table for a full batch (≤ 5 columns × 1,000 rows)

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `read` once over all accounts (no list) or once per chunk of the given ids, concatenated. */
async function perAccountChunk<R>(accountIds: readonly string[] | undefined, read: (ids: string[] | null) => Promise<R[]>): Promise<R[]> {
  if (!accountIds) return read(null);
  const out: R[] = [];
  for (const ids of chunks([...new Set(accountIds)], ID_CHUNK)) out.push(...(await read(ids)));
  return out;
}

// ---- reads for the figures ----

export async function seatsByAccount(db: Kysely<Database>, accountIds?: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await perAccountChunk(accountIds, (ids) => {
    let q = db.selectFrom('usage_account_settings').select(['account_id', 'seats']);
    if (ids) q = q.where('account_id', 'in', ids);
    return q.execute();
  });
  return new Map(rows.map((r) => [r.account_id, r.seats]));
}

export async function licensedFeaturesByAccount(db: Kysely<Database>, accountIds?: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await perAccountChunk(accountIds, (ids) => {
    let q = db.selectFrom('licensed_features').select(['account_id', 'feature_key']);
    if (ids) q = q.where('account_id', 'in', ids);
    return q.orderBy('account_id').orderBy('feature_key').execute();
  });
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push(r.feature_key);
    out.set(r.account_id, list);
  }
  return out;
}

/** The features each account used on or after `from`. */
export async function featuresUsedSince(
  db: Kysely<Database>,
  from: string,
  accountIds?: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await perAccountChunk(accountIds, (ids) => {
    let q = db.selectFrom('usage_daily').select(['account_id', 'feature_key']).distinct().where('day', '>=', from);
    if (ids) q = q.where('account_id', 'in', ids);
    return q.execute();
  });
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.account_id) ?? new Set<string>();
    set.add(r.feature_key);
    out.set(r.account_id, set);
  }
  return out;
}

export interface ActiveUserFigures {
  /** Distinct named users over the whole window. */
  distinctUsers: number;
  /** The largest active-user count the product reported on any day of the window. */
  largestReported: number;
}

/** Per account with usage in the window (`to` inclusive, or open-ended when null). */
export async function activeUserFigures(
  db: Kysely<Database>,
  from: string,
  to: string | null,
  accountIds?: readonly string[],
): Promise<Map<string, ActiveUserFigures>> {
  const [named, reported] = await Promise.all([
    perAccountChunk(accountIds, (ids) => {
      let q = db
        .selectFrom('usage_daily_users')
        .select((eb) => ['account_id', eb.fn.count<number>('user_key').distinct().as('users')])
        .where('day', '>=', from);
      if (to) q = q.where('day', '<=', to);
      if (ids) q = q.where('account_id', 'in', ids);
      return q.groupBy('account_id').execute();
    }),
    perAccountChunk(accountIds, (ids) => {
      let q = db
        .selectFrom('usage_account_days')
        .select((eb) => ['account_id', eb.fn.max<number>('reported_active_users').as('reported')])
        .where('day', '>=', from);
      if (to) q = q.where('day', '<=', to);
      if (ids) q = q.where('account_id', 'in', ids);
      return q.groupBy('account_id').execute();
    }),
  ]);
  const out = new Map<string, ActiveUserFigures>();
  for (const r of reported) out.set(r.account_id, { distinctUsers: 0, largestReported: Number(r.reported) });
  for (const r of named) {
    const f = out.get(r.account_id) ?? { distinctUsers: 0, largestReported: 0 };
    out.set(r.account_id, { ...f, distinctUsers: Number(r.users) });
  }
  return out;
}

// ---- reads for one account's adoption ----

export interface FeatureUse {
  featureKey: string;
  events: number;
  lastDay: string;
}

/** Each feature an account used on or after `from`, with its events and last day. */
export async function featureUseSince(db: Kysely<Database>, accountId: string, from: string): Promise<FeatureUse[]> {
  const rows = await db
    .selectFrom('usage_daily')
    .select((eb) => ['feature_key', eb.fn.sum<number>('events').as('events'), eb.fn.max<string>('day').as('last_day')])
    .where('account_id', '=', accountId)
    .where('day', '>=', from)
    .groupBy('feature_key')
    .execute();
  return rows.map((r) => ({ featureKey: r.feature_key, events: Number(r.events), lastDay: String(r.last_day) }));
}

/** The last day each feature was ever used by the account. */
export async function lastUseByFeature(db: Kysely<Database>, accountId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('usage_daily')
    .select((eb) => ['feature_key', eb.fn.max<string>('day').as('last_day')])
    .where('account_id', '=', accountId)
    .groupBy('feature_key')
    .execute();
  return new Map(rows.map((r) => [r.feature_key, String(r.last_day)]));
}

/** Per day on or after `from`: active users and events, for the chart. */
export async function dailySeries(
  db: Kysely<Database>,
  accountId: string,
  from: string,
): Promise<{ day: string; activeUsers: number; events: number }[]> {
  const [days, events] = await Promise.all([
    db
      .selectFrom('usage_account_days')
      .select(['day', 'active_users'])
      .where('account_id', '=', accountId)
      .where('day', '>=', from)
      .execute(),
    db
      .selectFrom('usage_daily')
      .select((eb) => ['day', eb.fn.sum<number>('events').as('events')])
      .where('account_id', '=', accountId)
      .where('day', '>=', from)
      .groupBy('day')
      .execute(),
  ]);
  const eventsByDay = new Map(events.map((e) => [String(e.day), Number(e.events)]));
  return days
    .map((d) => ({ day: String(d.day), activeUsers: d.active_users, events: eventsByDay.get(String(d.day)) ?? 0 }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

// ---- licences ----

export async function findSettings(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('usage_account_settings').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function licensedFeatures(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('licensed_features')
    .select('feature_key')
    .where('account_id', '=', accountId)
    .orderBy('feature_key')
    .execute();
  return rows.map((r) => r.feature_key);
}

export async function accountOfExternalId(db: Kysely<Database>, externalId: string): Promise<string | null> {
  const row = await db.selectFrom('usage_account_settings').select('account_id').where('external_id', '=', externalId).executeTakeFirst();
  return row?.account_id ?? null;
}

/** The accounts the product knows by these external ids. */
export async function accountsOfExternalIds(db: Kysely<Database>, externalIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(externalIds, ID_CHUNK)) {
    const rows = await db
      .selectFrom('usage_account_settings')
      .select(['account_id', 'external_id'])
      .where('external_id', 'in', ids)
      .execute();
    for (const r of rows) if (r.external_id !== null) out.set(r.external_id, r.account_id);
  }
  return out;
}

export async function saveSettings(
  db: Kysely<Database>,
  row: { account_id: string; external_id: string | null; seats: number | null; updated_at: string },
  features: readonly string[],
): Promise<void> {
  await db
    .insertInto('usage_account_settings')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ external_id: row.external_id, seats: row.seats, updated_at: row.updated_at }))
    .execute();
  await db.deleteFrom('licensed_features').where('account_id', '=', row.account_id).execute();
  if (features.length)
    await db
      .insertInto('licensed_features')
      .values(features.map((feature_key) => ({ account_id: row.account_id, feature_key })))
      .execute();
}

// ---- intake ----

/**
 * Stores the event ids, skipping those already stored (by an earlier batch or a concurrent one),
 * and returns the ids this call stored: only those are rolled up, so a retried batch counts once.
 */
export async function storeNewEventIds(
  db: Kysely<Database>,
  rows: readonly { event_id: string; account_id: string; received_at: string }[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(rows, ROW_CHUNK)) {
    const inserted = await db
      .insertInto('usage_events')
      .values(part)
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id')
      .execute();
    for (const r of inserted) stored.add(r.event_id);
  }
  return stored;
}

/** Adds quantities and event counts to the daily roll-up (one row per account, day and feature). */
export async function addToDaily(
  db: Kysely<Database>,
  rows: readonly { account_id: string; day: string; feature_key: string; quantity: number; events: number }[],
): Promise<void> {
  for (const part of chunks(rows, ROW_CHUNK))
    await db
      .insertInto('usage_daily')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['account_id', 'day', 'feature_key']).doUpdateSet((eb) => ({
          quantity: eb(eb.ref('usage_daily.quantity'), '+', eb.ref('excluded.quantity')),
          events: eb(eb.ref('usage_daily.events'), '+', eb.ref('excluded.events')),
        })),
      )
      .execute();
}

/** Records the named users seen per account and day (a user already seen that day is kept once). */
export async function addDailyUsers(
  db: Kysely<Database>,
  rows: readonly { account_id: string; day: string; user_key: string }[],
): Promise<void> {
  for (const part of chunks(rows, ROW_CHUNK))
    await db
      .insertInto('usage_daily_users')
      .values(part)
      .onConflict((oc) => oc.columns(['account_id', 'day', 'user_key']).doNothing())
      .execute();
}

/** Distinct named users per (account, day) for the given accounts and days (a superset of the pairs asked). */
export async function distinctUsersPerDay(
  db: Kysely<Database>,
  accountIds: readonly string[],
  days: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!accountIds.length || !days.length) return out;
  for (const ids of chunks(accountIds, ID_CHUNK)) {
    const rows = await db
      .selectFrom('usage_daily_users')
      .select((eb) => ['account_id', 'day', eb.fn.countAll<number>().as('users')])
      .where('account_id', 'in', ids)
      .where('day', 'in', [...days])
      .groupBy(['account_id', 'day'])
      .execute();
    for (const r of rows) out.set(`${r.account_id}|${String(r.day)}`, Number(r.users));
  }
  return out;
}

/**
 * Raises each (account, day)'s active users and reported count to at least the values given;
 * never lowers them. `CASE` rather than max()/greatest(), which differ between the dialects.
 */
export async function raiseAccountDays(
  db: Kysely<Database>,
  rows: readonly { account_id: string; day: string; active_users: number; reported_active_users: number }[],
): Promise<void> {
  for (const part of chunks(rows, ROW_CHUNK))
    await db
      .insertInto('usage_account_days')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['account_id', 'day']).doUpdateSet({
          active_users: sql<number>`case when excluded.active_users > usage_account_days.active_users then excluded.active_users else usage_account_days.active_users end`,
          reported_active_users: sql<number>`case when excluded.reported_active_users > usage_account_days.reported_active_users then excluded.reported_active_users else usage_account_days.reported_active_users end`,
        }),
      )
      .execute();
}
