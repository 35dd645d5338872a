import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../../db/schema.js';
import type { Actor } from '../../../../kernel/actor.js';
import { errors } from '../../../../kernel/errors.js';
import { apiContactCount, apiContactPage, apiContacts, type ApiContactFilter } from '../../../accounts/index.js';
import { apiMemberCount, apiMemberPage, apiMembers, type ApiMemberFilter, type ApiMemberRole } from '../../../team/index.js';
import type { ZendeskUserRole } from '../../contract/people.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { outpostIds } from '../numeric-ids.js';
import type { UserRef } from './present-people.js';

/**
 * Finding Zendesk users: numbers back to members and contacts, and pages over both. A list runs
 * members first, then contacts, each in (created_at, id) order, so offset and cursor paging see
 * the same sequence. What a caller sees follows Outpost's permissions: agents need members.read,
 * end-users (customer data) accounts.read.
 */

export interface UserFilter {
  roles: ZendeskUserRole[];
  text?: string;
  email?: string;
  accountId?: string;
}

/**
 * The roles this caller may see among those asked for. A caller who may see none gets an empty
 * list, not a 403: the route is open to every signed-in caller and shows each what they may see.
 */
export function visibleRoles(actor: Actor, asked: ZendeskUserRole[] | undefined): ZendeskUserRole[] {
  const roles = asked?.length ? asked : (['end-user', 'agent', 'admin'] as ZendeskUserRole[]);
  return roles.filter((r) => (r === 'end-user' ? actor.permissions.has('accounts.read') : actor.permissions.has('members.read')));
}

/** May this caller see this user? Agents need members.read; end-users accounts.read. */
export function assertMaySee(actor: Actor, ref: UserRef): void {
  const needed = ref.type === 'member' ? 'members.read' : 'accounts.read';
  if (!actor.permissions.has(needed)) throw errors.forbidden(needed);
}

/** The members and contacts behind these numbers, in their order; unknown numbers are left out. */
export async function userRefsOf(db: Kysely<Database>, numbers: number[]): Promise<UserRef[]> {
  const ids = await outpostIds(db, 'user', numbers);
  const refs = new Map((await refsOfOutpostIds(db, [...ids.values()])).map((r) => [r.id, r]));
  return numbers.flatMap((n) => {
    const ref = refs.get(ids.get(n) ?? '');
    return ref ? [ref] : [];
  });
}

/** Which of these Outpost ids are members and which contacts; ids of neither are left out. */
export async function refsOfOutpostIds(db: Kysely<Database>, ids: string[]): Promise<UserRef[]> {
  const [members, contacts] = await Promise.all([apiMembers(db, ids), apiContacts(db, ids)]);
  return ids.flatMap((id): UserRef[] => {
    if (members.has(id)) return [{ type: 'member', id }];
    if (contacts.has(id)) return [{ type: 'contact', id }];
    return [];
  });
}

export async function userRefOf(db: Kysely<Database>, number: number): Promise<UserRef> {
  const [ref] = await userRefsOf(db, [number]);
  if (!ref) throw errors.zendeskUserNotFound();
  return ref;
}

function memberFilter(filter: UserFilter): ApiMemberFilter | null {
  const roles = filter.roles.filter((r): r is ApiMemberRole => r !== 'end-user');
  if (!roles.length || filter.accountId) return null;
  return { roles, text: filter.text, email: filter.email };
}

function contactFilter(filter: UserFilter): ApiContactFilter | null {
  if (!filter.roles.includes('end-user')) return null;
  return { accountId: filter.accountId, text: filter.text, email: filter.email };
}

/** Offset paging: the refs at [offset, offset + limit) and the total. */
export async function userOffsetPage(
  db: Kysely<Database>,
  filter: UserFilter,
  offset: number,
  limit: number,
): Promise<{ refs: UserRef[]; count: number }> {
  const mf = memberFilter(filter);
  const cf = contactFilter(filter);
  const [memberCount, contactCount] = await Promise.all([mf ? apiMemberCount(db, mf) : 0, cf ? apiContactCount(db, cf) : 0]);
  const refs: UserRef[] = [];
  if (mf && offset < memberCount) for (const m of await apiMemberPage(db, mf, { offset, limit })) refs.push({ type: 'member', id: m.id });
  if (cf && refs.length < limit) {
    const from = Math.max(0, offset - memberCount);
    for (const c of await apiContactPage(db, cf, { offset: from, limit: limit - refs.length })) refs.push({ type: 'contact', id: c.id });
  }
  return { refs, count: memberCount + contactCount };
}

const cursorKey = z.object({ k: z.enum(['m', 'c']), t: z.string().max(40), i: z.string().max(64) });

/** Cursor paging: the refs after `after` (a cursor this gave out), whether more follow, and the next cursor. */
export async function userCursorPage(
  db: Kysely<Database>,
  filter: UserFilter,
  after: string | undefined,
  size: number,
): Promise<{ refs: UserRef[]; hasMore: boolean; afterCursor: string | null }> {
  const key = after ? decodeCursor(after, cursorKey) : null;
  const mf = memberFilter(filter);
  const cf = contactFilter(filter);
  const rows: { type: UserRef['type']; id: string; createdAt: string }[] = [];
  if (mf && key?.k !== 'c') {
    const keyset = key ? { createdAt: key.t, id: key.i } : undefined;
    for (const m of await apiMemberPage(db, mf, { after: keyset, limit: size + 1 })) rows.push({ type: 'member', ...m });
  }
  if (cf && rows.length <= size) {
    const keyset = key?.k === 'c' ? { createdAt: key.t, id: key.i } : undefined;
    for (const c of await apiContactPage(db, cf, { after: keyset, limit: size + 1 - rows.length })) rows.push({ type: 'contact', ...c });
  }
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    refs: page.map((r) => ({ type: r.type, id: r.id })),
    hasMore: rows.length > size,
    afterCursor: last ? encodeCursor({ k: last.type === 'member' ? 'm' : 'c', t: last.createdAt, i: last.id }) : null,
  };
}

/**
 * Zendesk's user search `query`: `email:…`, `role:…` (repeatable), `name:…`, `type:user`, and free
 * text matching name or e-mail; a bare e-mail address matches that address exactly.
 */
export function parseUserQuery(query: string): { roles?: ZendeskUserRole[]; email?: string; text?: string } {
  const roles: ZendeskUserRole[] = [];
  const words: string[] = [];
  let email: string | undefined;
  for (const token of query.trim().split(/\s+/).filter(Boolean)) {
    const [field, ...rest] = token.split(':');
    const value = rest.join(':').replace(/^"|"$/g, '');
    if (rest.length && field === 'email') email = value;
    else if (rest.length && field === 'role' && ['end-user', 'agent', 'admin'].includes(value)) roles.push(value as ZendeskUserRole);
    else if (rest.length && field === 'role' && value === 'end_user') roles.push('end-user');
    else if (rest.length && field === 'type') continue;
    else if (rest.length && field === 'name') words.push(value);
    else words.push(token.replace(/^"|"$/g, ''));
  }
  const text = words.join(' ').trim();
  if (!email && /^[^@\s]+@[^@\s]+$/.test(text)) return { roles: roles.length ? roles : undefined, email: text };
  return { roles: roles.length ? roles : undefined, email, text: text || undefined };
}
