import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Accounts in the order they last changed, for Zendesk's incremental organization export (issue
 * 18). Keyset over (updated_at, id); a help desk has thousands of accounts, not millions, so no
 * index of its own (a scan of the accounts table per page).
 */
export interface AccountChange {
  id: string;
  updatedAt: string;
}

export interface AccountChangeWindow {
  /** Changed at or after this time (ISO). */
  from: string;
  /** Changed before this time (ISO), when given. */
  to?: string;
  /** Strictly after this position in (updated_at, id) order. */
  after?: AccountChange | null;
  limit: number;
}

/** The accounts changed in the window, oldest change first. */
export async function accountChanges(db: Kysely<Database>, window: AccountChangeWindow): Promise<AccountChange[]> {
  let query = db.selectFrom('accounts').select(['accounts.id', 'accounts.updated_at']).where('accounts.updated_at', '>=', window.from);
  if (window.to !== undefined) query = query.where('accounts.updated_at', '<', window.to);
  const after = window.after;
  if (after) {
    query = query
      .where('accounts.updated_at', '>=', after.updatedAt)
      .where(sql<SqlBool>`(accounts.updated_at > ${after.updatedAt} or accounts.id > ${after.id})`);
  }
  const rows = await query.orderBy('accounts.updated_at').orderBy('accounts.id').limit(window.limit).execute();
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at).toISOString() }));
}
