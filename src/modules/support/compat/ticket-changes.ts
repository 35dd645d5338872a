import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Tickets in the order they last changed, for Zendesk's incremental exports (issue 18): a range
 * of `updated_at` read by keyset over (updated_at, id) on the tickets_updated index (migration
 * 0041), so page 1,000 of a million-ticket export costs what page 1 does.
 */

export interface ChangedRecord {
  id: string;
  updatedAt: string;
}

export interface ChangeWindow {
  /** Changed at or after this time (ISO). */
  from: string;
  /** Changed before this time (ISO), when given. */
  to?: string;
  /** Strictly after this record in (updated_at, id) order: a cursor's position. */
  after?: ChangedRecord | null;
  limit: number;
}

/** The tickets changed in the window, oldest change first. */
export async function ticketChanges(db: Kysely<Database>, window: ChangeWindow): Promise<ChangedRecord[]> {
  const rows = await ticketChangesQuery(db, window).execute();
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at).toISOString() }));
}

/** The query behind `ticketChanges` (its plan is tested). */
export function ticketChangesQuery(db: Kysely<Database>, window: ChangeWindow) {
  let query = db.selectFrom('tickets').select(['tickets.id', 'tickets.updated_at']).where('tickets.updated_at', '>=', window.from);
  if (window.to !== undefined) query = query.where('tickets.updated_at', '<', window.to);
  const after = window.after;
  if (after) {
    // `updated_at >= x` keeps the index range; the rest drops the rows at or before the cursor.
    query = query
      .where('tickets.updated_at', '>=', after.updatedAt)
      .where(sql<SqlBool>`(tickets.updated_at > ${after.updatedAt} or tickets.id > ${after.id})`);
  }
  return query.orderBy('tickets.updated_at').orderBy('tickets.id').limit(window.limit);
}
