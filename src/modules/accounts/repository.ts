import { sql, type Kysely, type Selectable } from 'kysely';
import type { AccountsTable, ContactsTable, Database, InteractionsTable } from '../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type Page } from '../../kernel/pagination.js';
import { memberRefs } from '../team/index.js';
import type { AccountListQuery, AccountSummary, Interaction } from './contract/accounts.js';

export type AccountRow = Selectable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type InteractionRow = Selectable<InteractionsTable>;

// Accounts without a renewal date sort after every dated one in both directions: they stand in
// for the latest date when ascending and the earliest when descending.
const NO_RENEWAL = { asc: '9999-12-31', desc: '0001-01-01' } as const;

export async function findAccountRow(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function domainsOf(db: Kysely<Database>, accountIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (accountIds.length === 0) return map;
  const rows = await db
    .selectFrom('account_domains')
    .select(['account_id', 'domain'])
    .where('account_id', 'in', accountIds)
    .orderBy('domain')
    .execute();
  for (const r of rows) map.set(r.account_id, [...(map.get(r.account_id) ?? []), r.domain]);
  return map;
}

export async function tagsOf(db: Kysely<Database>, accountIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (accountIds.length === 0) return map;
  const rows = await db
    .selectFrom('account_tags')
    .select(['account_id', 'tag'])
    .where('account_id', 'in', accountIds)
    .orderBy('tag')
    .execute();
  for (const r of rows) map.set(r.account_id, [...(map.get(r.account_id) ?? []), r.tag]);
  return map;
}

export async function replaceTags(db: Kysely<Database>, accountId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('account_tags').where('account_id', '=', accountId).execute();
  if (tags.length)
    await db
      .insertInto('account_tags')
      .values(tags.map((tag) => ({ account_id: accountId, tag })))
      .execute();
}

export async function domainOwners(db: Kysely<Database>, domains: string[]): Promise<{ domain: string; account_id: string }[]> {
  if (domains.length === 0) return [];
  return db.selectFrom('account_domains').select(['domain', 'account_id']).where('domain', 'in', domains).execute();
}

export async function replaceDomains(db: Kysely<Database>, accountId: string, domains: string[]): Promise<void> {
  await db.deleteFrom('account_domains').where('account_id', '=', accountId).execute();
  if (domains.length)
    await db
      .insertInto('account_domains')
      .values(domains.map((domain) => ({ domain, account_id: accountId })))
      .execute();
}

/** An account's team slots by role; `withMemberNames` names their members. */
export function teamQuery(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('account_team').select(['role', 'member_id as memberId']).where('account_id', '=', accountId).orderBy('role');
}

/** Names the members of team slots in one read from the team module, which owns them. */
export async function withMemberNames(
  db: Kysely<Database>,
  slots: { role: string; memberId: string }[],
): Promise<{ role: string; memberId: string; memberName: string }[]> {
  const members = await memberRefs(
    db,
    slots.map((s) => s.memberId),
  );
  return slots.flatMap((s) => {
    const member = members.get(s.memberId);
    return member ? [{ role: s.role, memberId: s.memberId, memberName: member.name }] : [];
  });
}

export async function teamOf(db: Kysely<Database>, accountId: string) {
  return withMemberNames(db, await teamQuery(db, accountId).execute());
}

export async function replaceTeam(db: Kysely<Database>, accountId: string, slots: { role: string; memberId: string }[]): Promise<void> {
  await db.deleteFrom('account_team').where('account_id', '=', accountId).execute();
  if (slots.length)
    await db
      .insertInto('account_team')
      .values(slots.map((s) => ({ account_id: accountId, role: s.role, member_id: s.memberId })))
      .execute();
}

/**
 * One page of accounts: filters, a keyset cursor over (sort column, id), and the contact count and
 * account manager as correlated subqueries, so a page of 50 is one query however many accounts
 * there are, plus one read of the managers' names from the team module.
 */
export async function listAccountRows(db: Kysely<Database>, q: AccountListQuery): Promise<Page<AccountSummary>> {
  const sortColumn = q.sort === 'name' ? 'accounts.name_lower' : q.sort === 'arr' ? 'accounts.arr' : 'accounts.renewal_date';
  let query = db.selectFrom('accounts').select((eb) => [
    'accounts.id',
    'accounts.name',
    'accounts.name_lower',
    'accounts.segment',
    'accounts.arr',
    'accounts.lifecycle_stage',
    'accounts.renewal_date',
    'accounts.relationship',
    'accounts.internal',
    eb
      .selectFrom('contacts')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('contacts.account_id', '=', 'accounts.id')
      .as('contact_count'),
    eb
      .selectFrom('account_team')
      // TAM sorts after CSE, so max() prefers the technical account manager (one member per role).
      .select(sql<string>`max(account_team.role || '|' || account_team.member_id)`.as('m'))
      .whereRef('account_team.account_id', '=', 'accounts.id')
      .where('account_team.role', 'in', ['technical_account_manager', 'customer_success'])
      .as('manager'),
  ]);
  if (q.q) {
    const needle = q.q.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        likeText('accounts.name_lower', needle, 'contains'),
        eb.exists(
          eb
            .selectFrom('account_domains')
            .select('account_domains.account_id')
            .whereRef('account_domains.account_id', '=', 'accounts.id')
            .where(likeText('account_domains.domain', needle, 'prefix')),
        ),
      ]),
    );
  }
  if (q.segment) query = query.where('accounts.segment', '=', q.segment);
  if (q.stage) query = query.where('accounts.lifecycle_stage', '=', q.stage);
  if (q.relationship) query = query.where('accounts.relationship', '=', q.relationship);
  if (q.tag) {
    const tag = q.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('account_tags')
          .select('account_tags.account_id')
          .whereRef('account_tags.account_id', '=', 'accounts.id')
          .where('account_tags.tag', '=', tag),
      ),
    );
  }
  if (q.renewalFrom) query = query.where('accounts.renewal_date', '>=', q.renewalFrom);
  if (q.renewalTo) query = query.where('accounts.renewal_date', '<=', q.renewalTo);
  if (q.memberId) {
    const memberId = q.memberId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('account_team')
          .select('account_team.account_id')
          .whereRef('account_team.account_id', '=', 'accounts.id')
          .where('account_team.member_id', '=', memberId),
      ),
    );
  }
  const noRenewal = NO_RENEWAL[q.order];
  const sortExpr = q.sort === 'renewal_date' ? sql`coalesce(accounts.renewal_date, ${noRenewal})` : sql.ref(sortColumn);
  if (q.cursor) {
    // The cursor never carries null: renewal dates page over their coalesced stand-in.
    query = query.where(
      keysetAfter(
        sortExpr,
        'accounts.id',
        decodeCursor(q.cursor, q.sort === 'name' ? 'string' : q.sort === 'arr' ? 'number' : 'date'),
        q.order,
      ),
    );
  }
  const rows = await query
    .orderBy(sortExpr, q.order)
    .orderBy('accounts.id', q.order)
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) =>
    encodeCursor(q.sort === 'name' ? r.name_lower : q.sort === 'arr' ? Number(r.arr) : (r.renewal_date ?? noRenewal), r.id),
  );
  const managerIdOf = (r: (typeof rows)[number]) => (r.manager ? r.manager.split('|')[1]! : null);
  const ids = page.items.map((r) => r.id);
  const [domains, tags, managers] = await Promise.all([domainsOf(db, ids), tagsOf(db, ids), memberRefs(db, page.items.map(managerIdOf))]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const managerId = managerIdOf(r);
      const manager = managerId ? managers.get(managerId) : undefined;
      return {
        id: r.id,
        name: r.name,
        domains: domains.get(r.id) ?? [],
        segment: r.segment,
        arr: Number(r.arr),
        lifecycleStage: r.lifecycle_stage,
        renewalDate: r.renewal_date,
        relationship: r.relationship,
        internal: Number(r.internal) === 1,
        contactCount: Number(r.contact_count ?? 0),
        tags: tags.get(r.id) ?? [],
        accountManager: manager ? { id: manager.id, name: manager.name } : null,
      };
    }),
  };
}

export async function contactsOf(db: Kysely<Database>, accountId: string): Promise<ContactRow[]> {
  return db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).orderBy('name').orderBy('id').execute();
}

export async function findContactRow(db: Kysely<Database>, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContactRowByEmail(db: Kysely<Database>, email: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function interactionKindsAndTimes(db: Kysely<Database>, accountId: string, sinceIso: string) {
  return db
    .selectFrom('interactions')
    .select(['kind', 'occurred_at'])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', sinceIso)
    .execute();
}

/** A page of an account's timeline, newest first, with attendees from both sides. */
export async function listInteractions(
  db: Kysely<Database>,
  accountId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<Interaction>> {
  let query = db.selectFrom('interactions').selectAll().where('account_id', '=', accountId);
  if (cursor) {
    query = query.where(keysetAfter('occurred_at', 'id', decodeCursor(cursor, 'timestamp'), 'desc'));
  }
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (r) => encodeCursor(r.occurred_at, r.id));
  return { items: await withAttendees(db, page.items), nextCursor: page.nextCursor };
}

export async function withAttendees(db: Kysely<Database>, rows: InteractionRow[]): Promise<Interaction[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [memberAttendees, contacts] = await Promise.all([
    db
      .selectFrom('interaction_attendees')
      .select(['interaction_id', 'attendee_id'])
      .where('interaction_id', 'in', ids)
      .where('attendee_type', '=', 'member')
      .execute(),
    db
      .selectFrom('interaction_attendees')
      .innerJoin('contacts', 'contacts.id', 'interaction_attendees.attendee_id')
      .select(['interaction_attendees.interaction_id', 'contacts.id', 'contacts.name'])
      .where('interaction_attendees.interaction_id', 'in', ids)
      .where('interaction_attendees.attendee_type', '=', 'contact')
      .execute(),
  ]);
  // Member attendees are named by the team module, which owns them (one read for all rows).
  const names = await memberRefs(
    db,
    memberAttendees.map((a) => a.attendee_id),
  );
  const members = memberAttendees.flatMap((a) => {
    const member = names.get(a.attendee_id);
    return member ? [{ interaction_id: a.interaction_id, id: member.id, name: member.name }] : [];
  });
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    occurredAt: r.occurred_at,
    durationMinutes: r.duration_minutes,
    subject: r.subject,
    notes: r.notes,
    createdBy: r.created_by,
    attendees: [
      ...members.filter((m) => m.interaction_id === r.id).map((m) => ({ type: 'member' as const, id: m.id, name: m.name })),
      ...contacts.filter((c) => c.interaction_id === r.id).map((c) => ({ type: 'contact' as const, id: c.id, name: c.name })),
    ],
  }));
}
