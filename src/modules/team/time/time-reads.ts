import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Time totals other modules show beside their own records (the delivery module's engagements and
 * tasks), one grouped read per page rather than one per row. Ids with no time are absent.
 */

/** Minutes logged on each engagement. */
export async function minutesByEngagement(db: Kysely<Database>, engagementIds: readonly string[]): Promise<Map<string, number>> {
  if (!engagementIds.length) return new Map();
  const rows = await db
    .selectFrom('time_entries')
    .select(['engagement_id'])
    .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
    .where('engagement_id', 'in', [...engagementIds])
    .groupBy('engagement_id')
    .execute();
  return new Map(rows.map((r) => [r.engagement_id!, Number(r.minutes)]));
}

/** Minutes logged on each task of the given engagements (time on the engagement but no task is left out). */
export async function minutesByTask(db: Kysely<Database>, engagementIds: readonly string[]): Promise<Map<string, number>> {
  if (!engagementIds.length) return new Map();
  const rows = await db
    .selectFrom('time_entries')
    .select(['task_id'])
    .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
    .where('engagement_id', 'in', [...engagementIds])
    .where('task_id', 'is not', null)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id!, Number(r.minutes)]));
}

/**
 * When and how long time was logged on one engagement, unordered: what its burn-down is drawn
 * from (the entries themselves, with members and notes, are `engagementTime`).
 */
export async function engagementTimeline(db: Kysely<Database>, engagementId: string): Promise<{ startedAt: string; minutes: number }[]> {
  const rows = await db.selectFrom('time_entries').select(['started_at', 'minutes']).where('engagement_id', '=', engagementId).execute();
  return rows.map((r) => ({ startedAt: r.started_at, minutes: Number(r.minutes) }));
}
