import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AccountsTable } from '../../db/schema.js';

/** A customer contact as other modules show it beside their own records. */
export interface ContactRef {
  id: string;
  accountId: string;
  name: string;
  email: string;
  title: string | null;
}

/** An account as other modules show it beside their own records. */
export interface AccountRef {
  id: string;
  name: string;
  segment: AccountsTable['segment'];
}

const present = (ids: Iterable<string | null | undefined>) => [...new Set([...ids].filter((id): id is string => Boolean(id)))];

/**
 * Contacts by id in one read. Ids that match no contact are absent from the map.
 *
 * @example const contacts = await contactRefs(db, rows.map((r) => r.contact_id));
 */
export async function contactRefs(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<Map<string, ContactRef>> {
  const wanted = present(ids);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'account_id', 'name', 'email', 'title']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, name: r.name, email: r.email, title: r.title }]));
}

/** Accounts by id in one read. Ids that match no account are absent from the map. */
export async function accountRefs(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<Map<string, AccountRef>> {
  const wanted = present(ids);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'name', 'segment']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** An account's team: which member holds each role (one member per role). */
export async function accountTeamSlots(db: Kysely<Database>, accountId: string): Promise<{ role: string; memberId: string }[]> {
  const rows = await db.selectFrom('account_team').select(['role', 'member_id']).where('account_id', '=', accountId).execute();
  return rows.map((r) => ({ role: r.role, memberId: r.member_id }));
}

/** The team slots of many accounts in one read (at most 1,000 ids per call), for passes over many accounts. */
export async function accountTeamsOf(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, { role: string; memberId: string }[]>> {
  const out = new Map<string, { role: string; memberId: string }[]>();
  const ids = [...new Set(accountIds)];
  if (!ids.length) return out;
  const rows = await db.selectFrom('account_team').select(['account_id', 'role', 'member_id']).where('account_id', 'in', ids).execute();
  for (const r of rows) {
    const slots = out.get(r.account_id) ?? [];
    slots.push({ role: r.role, memberId: r.member_id });
    out.set(r.account_id, slots);
  }
  return out;
}

/** An account's contacts with the role each plays for the customer, oldest first (the first of a role stands for it). */
export async function contactRolesOf(db: Kysely<Database>, accountId: string): Promise<{ id: string; customerRole: string | null }[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'customer_role'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, customerRole: r.customer_role }));
}
