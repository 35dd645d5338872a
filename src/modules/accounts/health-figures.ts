/**
 * Batch reads for the success module's health pass (issue 15): the accounts to score and when each
 * last had an interaction. One grouped query per figure over all accounts (or the given ones), so
 * the daily pass over 10k accounts costs a handful of queries, not one per account.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface AccountToScore {
  id: string;
  segment: string;
  createdAt: string;
}

const distinct = (ids: readonly string[]) => [...new Set(ids)];

/** The accounts to score: the given ones that exist, or every account, by id. */
export async function accountsToScore(db: Kysely<Database>, accountIds?: readonly string[]): Promise<AccountToScore[]> {
  let query = db.selectFrom('accounts').select(['id', 'segment', 'created_at']).orderBy('id');
  if (accountIds) {
    if (!accountIds.length) return [];
    query = query.where('id', 'in', distinct(accountIds));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, segment: r.segment, createdAt: r.created_at }));
}

/** When each account last had an interaction recorded (future-dated ones do not count yet). */
export async function lastInteractions(db: Kysely<Database>, accountIds: readonly string[], until: string): Promise<Map<string, string>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('interactions')
    .select(['account_id', sql<string>`max(occurred_at)`.as('last')])
    .where('account_id', 'in', distinct(accountIds))
    .where('occurred_at', '<=', until)
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, String(r.last)]));
}

/** Who owns the relationship: the technical account manager, else the customer success engineer. */
const OWNER_ROLES = ['technical_account_manager', 'customer_success'] as const;

/** Each given account's owner (member id), for a page of the health portfolio. */
export async function accountOwners(db: Kysely<Database>, accountIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!accountIds.length) return out;
  const rows = await db
    .selectFrom('account_team')
    .select(['account_id', 'role', 'member_id'])
    .where('account_id', 'in', distinct(accountIds))
    .where('role', 'in', OWNER_ROLES)
    .execute();
  for (const role of OWNER_ROLES) for (const r of rows) if (r.role === role && !out.has(r.account_id)) out.set(r.account_id, r.member_id);
  return out;
}

/** The accounts a member owns (as technical account manager, or customer success where there is no TAM). */
export async function accountsOwnedBy(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('account_team')
    .select('account_id')
    .where('role', 'in', OWNER_ROLES)
    .where('member_id', '=', memberId)
    .execute();
  const owners = await accountOwners(
    db,
    rows.map((r) => r.account_id),
  );
  return [...owners].filter(([, owner]) => owner === memberId).map(([accountId]) => accountId);
}
