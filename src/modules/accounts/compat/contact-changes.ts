import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Contacts in the order they last changed, for Zendesk's incremental user export (issue 18; agents
 * are members, end users are accounts' contacts, merged by the zendesk module). Keyset over
 * (updated_at, id) on the contacts_updated index (migration 0041).
 */
export interface ContactChange {
  id: string;
  updatedAt: string;
}

export interface ContactChangeWindow {
  /** Changed at or after this time (ISO). */
  from: string;
  /** Changed before this time (ISO), when given. */
  to?: string;
  /** Strictly after this position in (updated_at, id) order. */
  after?: ContactChange | null;
  limit: number;
}

/** The contacts changed in the window, oldest change first. */
export async function contactChanges(db: Kysely<Database>, window: ContactChangeWindow): Promise<ContactChange[]> {
  let query = db.selectFrom('contacts').select(['contacts.id', 'contacts.updated_at']).where('contacts.updated_at', '>=', window.from);
  if (window.to !== undefined) query = query.where('contacts.updated_at', '<', window.to);
  const after = window.after;
  if (after) {
    query = query
      .where('contacts.updated_at', '>=', after.updatedAt)
      .where(sql<SqlBool>`(contacts.updated_at > ${after.updatedAt} or contacts.id > ${after.id})`);
  }
  const rows = await query.orderBy('contacts.updated_at').orderBy('contacts.id').limit(window.limit).execute();
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at).toISOString() }));
}
