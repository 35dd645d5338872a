import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, MembersTable } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type Page } from '../../../kernel/pagination.js';
import type { Member } from '../contract/members.js';

export type MemberRow = Selectable<MembersTable>;

export async function findMemberRow(db: Kysely<Database>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberRowByEmail(db: Kysely<Database>, email: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function rolesOf(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const rows = await db.selectFrom('member_roles').select('role').where('member_id', '=', memberId).execute();
  return rows.map((r) => r.role).sort();
}

export async function insertMember(db: Kysely<Database>, row: MemberRow): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

export async function updateMemberRow(db: Kysely<Database>, id: string, patch: Partial<MemberRow>): Promise<void> {
  await db.updateTable('members').set(patch).where('id', '=', id).execute();
}

export async function replaceRoles(db: Kysely<Database>, memberId: string, roles: string[]): Promise<void> {
  await db.deleteFrom('member_roles').where('member_id', '=', memberId).execute();
  if (roles.length)
    await db
      .insertInto('member_roles')
      .values(roles.map((role) => ({ member_id: memberId, role })))
      .execute();
}

export async function replaceSkills(db: Kysely<Database>, memberId: string, skills: string[]): Promise<void> {
  await db.deleteFrom('member_skills').where('member_id', '=', memberId).execute();
  if (skills.length)
    await db
      .insertInto('member_skills')
      .values(skills.map((skill) => ({ member_id: memberId, skill })))
      .execute();
}

export async function teamCounts(db: Kysely<Database>): Promise<{ name: string; members: number }[]> {
  const rows = await db
    .selectFrom('members')
    .select(['team'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('team', 'is not', null)
    .where('status', '!=', 'disabled')
    .groupBy('team')
    .orderBy('team')
    .execute();
  return rows.map((r) => ({ name: r.team!, members: Number(r.n) }));
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('member_roles')
    .innerJoin('members', 'members.id', 'member_roles.member_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_roles.role', '=', 'admin')
    .where('members.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Hydrates member rows with their roles and skills in two queries, whatever the row count. */
export async function toMembers(db: Kysely<Database>, rows: MemberRow[]): Promise<Member[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roles, skills] = await Promise.all([
    db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', ids).execute(),
    db.selectFrom('member_skills').select(['member_id', 'skill']).where('member_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    title: r.title,
    status: r.status,
    team: r.team,
    roles: roles
      .filter((x) => x.member_id === r.id)
      .map((x) => x.role)
      .sort() as Member['roles'],
    skills: skills
      .filter((x) => x.member_id === r.id)
      .map((x) => x.skill)
      .sort(),
    capacityHours: r.capacity_hours,
    timeZone: r.time_zone,
    workingHours: JSON.parse(r.working_hours) as Member['workingHours'],
    createdAt: r.created_at,
  }));
}

export async function listMemberRows(
  db: Kysely<Database>,
  filter: { q?: string; role?: string; team?: string; cursor?: string; limit: number },
): Promise<Page<MemberRow>> {
  let query = db.selectFrom('members').selectAll('members');
  if (filter.q) {
    const needle = filter.q.toLowerCase();
    query = query.where((eb) =>
      eb.or([likeText(sql<string>`lower(members.name)`, needle, 'contains'), likeText('members.email', needle, 'contains')]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_roles')
          .select('member_roles.member_id')
          .whereRef('member_roles.member_id', '=', 'members.id')
          .where('member_roles.role', '=', role),
      ),
    );
  }
  if (filter.team) query = query.where('members.team', '=', filter.team);
  if (filter.cursor) {
    query = query.where(keysetAfter('members.name', 'members.id', decodeCursor(filter.cursor, 'string'), 'asc'));
  }
  const rows = await query
    .orderBy('members.name')
    .orderBy('members.id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (r) => encodeCursor(r.name, r.id));
}
