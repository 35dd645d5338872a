/**
 * Batch read for the success module's business reviews (issue 15): each account's engagements with
 * their status, go-live dates and how many of their tasks are done. One grouped query.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EngagementKind, EngagementStatus } from './tables.js';

export interface EngagementProgress {
  id: string;
  name: string;
  kind: EngagementKind;
  status: EngagementStatus;
  startDate: string;
  targetGoLiveDate: string | null;
  actualGoLiveDate: string | null;
  tasks: number;
  tasksDone: number;
}

const day = (v: string | null) => (v === null ? null : String(v).slice(0, 10));

/** Engagements per account that started on or before `until` (a YYYY-MM-DD day), newest first. */
export async function engagementProgress(
  db: Kysely<Database>,
  accountIds: readonly string[],
  until: string,
): Promise<Map<string, EngagementProgress[]>> {
  const out = new Map<string, EngagementProgress[]>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom('engagements as e')
    .leftJoin('engagement_tasks as t', 't.engagement_id', 'e.id')
    .select([
      'e.account_id',
      'e.id',
      'e.name',
      'e.kind',
      'e.status',
      'e.start_date',
      'e.target_go_live_date',
      'e.actual_go_live_date',
      sql<number>`count(t.id)`.as('tasks'),
      sql<number>`sum(case when t.status = 'done' then 1 else 0 end)`.as('done'),
    ])
    .where('e.account_id', 'in', [...new Set(accountIds)])
    .where('e.start_date', '<=', until)
    .groupBy(['e.account_id', 'e.id', 'e.name', 'e.kind', 'e.status', 'e.start_date', 'e.target_go_live_date', 'e.actual_go_live_date'])
    .orderBy('e.start_date', 'desc')
    .orderBy('e.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      startDate: day(r.start_date)!,
      targetGoLiveDate: day(r.target_go_live_date),
      actualGoLiveDate: day(r.actual_go_live_date),
      tasks: Number(r.tasks),
      tasksDone: Number(r.done ?? 0),
    });
    out.set(r.account_id, list);
  }
  return out;
}
