import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Members in the order they last changed, for Zendesk's incremental user export (issue 18; agents
 * are members, end users are accounts' contacts, merged by the zendesk module). Keyset over
 * (updated_at, id) on the members_updated index (migration 0041).
 */
export interface MemberChange {
  id: string;
  updatedAt: string;
}

export interface MemberChangeWindow {
  /** Changed at or after this time (ISO). */
  from: string;
  /** Changed before this time (ISO), when given. */
  to?: string;
  /** Strictly after this position in (updated_at, id) order. */
  after?: MemberChange | null;
  limit: number;
}

/** The members changed in the window, oldest change first. */
export async function memberChanges(db: Kysely<Database>, window: MemberChangeWindow): Promise<MemberChange[]> {
  let query = db.selectFrom('members').select(['members.id', 'members.updated_at']).where('members.updated_at', '>=', window.from);
  if (window.to !== undefined) query = query.where('members.updated_at', '<', window.to);
  const after = window.after;
  if (after) {
    query = query
      .where('members.updated_at', '>=', after.updatedAt)
      .where(sql<SqlBool>`(members.updated_at > ${after.updatedAt} or members.id > ${after.id})`);
  }
  const rows = await query.orderBy('members.updated_at').orderBy('members.id').limit(window.limit).execute();
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at).toISOString() }));
}
