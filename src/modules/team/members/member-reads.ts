import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Who a member is, as other modules show them beside their own records. */
export interface MemberRef {
  id: string;
  name: string;
  email: string;
  status: 'active' | 'invited' | 'disabled';
}

const present = (ids: Iterable<string | null | undefined>) => [...new Set([...ids].filter((id): id is string => Boolean(id)))];

/**
 * Members by id in one read, for pages that name the members on many rows (owners, authors,
 * assignees). Ids that match no member are absent from the map.
 *
 * @example const names = await memberRefs(db, rows.map((r) => r.owner_id)); names.get(row.owner_id)?.name
 */
export async function memberRefs(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<Map<string, MemberRef>> {
  const wanted = present(ids);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['id', 'name', 'email', 'status']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each member's roles in one read (members have one to three). */
export async function memberRoleSets(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<Map<string, string[]>> {
  const wanted = present(ids);
  const out = new Map<string, string[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return out;
  const rows = await db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', wanted).execute();
  for (const r of rows) out.get(r.member_id)?.push(r.role);
  return out;
}
