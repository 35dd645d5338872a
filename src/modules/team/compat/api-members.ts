import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { keysetAfter, likeText } from '../../../kernel/pagination.js';

/**
 * Batch reads for the Zendesk-compatible API (issue 18), where members are Zendesk's agents and
 * admins. Pages run in (created_at, id) order so offset and cursor paging agree and a member
 * created while a client pages lands at the end, seen once.
 */

/** A member as the API shows them: the fields a Zendesk user record draws on. */
export interface ApiMember {
  id: string;
  name: string;
  email: string;
  status: 'active' | 'invited' | 'disabled';
  team: string | null;
  timeZone: string;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

/** Zendesk's roles for staff: `admin` is a member with the admin role, `agent` any other. */
export type ApiMemberRole = 'agent' | 'admin';

export interface ApiMemberFilter {
  /** Only members in these Zendesk roles; all when absent. */
  roles?: readonly ApiMemberRole[];
  /** Name or e-mail contains this text (case-insensitive). */
  text?: string;
  /** This exact e-mail (case-insensitive). */
  email?: string;
}

/** Members by id in one read, with their roles. */
export async function apiMembers(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, ApiMember>> {
  const wanted = [...new Set(ids)];
  const out = new Map<string, ApiMember>();
  if (!wanted.length) return out;
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name', 'email', 'status', 'team', 'time_zone', 'created_at', 'updated_at'])
    .where('id', 'in', wanted)
    .execute();
  const roles = await db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', wanted).execute();
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      name: r.name,
      email: r.email,
      status: r.status,
      team: r.team,
      timeZone: r.time_zone,
      roles: [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  for (const r of roles) out.get(r.member_id)?.roles.push(r.role);
  return out;
}

function filtered(db: Kysely<Database>, filter: ApiMemberFilter): SelectQueryBuilder<Database, 'members', object> {
  let query = db.selectFrom('members');
  const roles = filter.roles ?? ['agent', 'admin'];
  const isAdmin = sql<boolean>`exists (select 1 from member_roles r where r.member_id = members.id and r.role = 'admin')`;
  if (!roles.includes('admin')) query = query.where(sql<boolean>`not ${isAdmin}`);
  if (!roles.includes('agent')) query = query.where(isAdmin);
  if (filter.email) query = query.where('email', '=', filter.email.toLowerCase());
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    query = query.where((eb) =>
      eb.or([likeText(sql<string>`lower(members.name)`, needle, 'contains'), likeText('members.email', needle, 'contains')]),
    );
  }
  return query;
}

/**
 * One page of member ids in (created_at, id) order: after a keyset (cursor paging) or from an
 * offset (offset paging).
 */
export async function apiMemberPage(
  db: Kysely<Database>,
  filter: ApiMemberFilter,
  page: { after?: { createdAt: string; id: string }; offset?: number; limit: number },
): Promise<{ id: string; createdAt: string }[]> {
  let query = filtered(db, filter).select(['members.id', 'members.created_at']);
  if (page.after)
    query = query.where(keysetAfter('members.created_at', 'members.id', { sortValue: page.after.createdAt, id: page.after.id }, 'asc'));
  const rows = await query
    .orderBy('members.created_at')
    .orderBy('members.id')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
}

/** How many members the filter matches. */
export async function apiMemberCount(db: Kysely<Database>, filter: ApiMemberFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export { updateMember } from '../members/member-service.js';
