import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';

/** A colleague brought in by an importer (Zendesk's agents and admins). */
export interface ImportedMember {
  name: string;
  email: string;
  roles: string[];
  /** The team shown on their profile: their Zendesk group's name. */
  team: string | null;
  timeZone: string | null;
  createdAt: string;
}

/** `created` false: a member with that e-mail already existed and is reused as is. */
export interface ImportedMemberResult {
  id: string;
  created: boolean;
}

const WORKING_HOURS = JSON.stringify({ start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] });

/**
 * Writes a batch of imported members, matching existing ones by e-mail. They come without a
 * password and with status 'invited': Zendesk does not export passwords, and an imported agent
 * signs in only after an admin invites them. Runs in the caller's transaction.
 */
export async function importMembers(db: Kysely<Database>, members: ImportedMember[]): Promise<ImportedMemberResult[]> {
  if (!members.length) return [];
  const emails = [...new Set(members.map((m) => m.email.toLowerCase()))];
  const existing = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 200)
    for (const row of await db
      .selectFrom('members')
      .select(['id', 'email'])
      .where('email', 'in', emails.slice(i, i + 200))
      .execute())
      existing.set(row.email, row.id);
  const rows: Database['members'][] = [];
  const roles: { member_id: string; role: string }[] = [];
  const results: ImportedMemberResult[] = [];
  for (const member of members) {
    const email = member.email.toLowerCase();
    const found = existing.get(email);
    if (found) {
      results.push({ id: found, created: false });
      continue;
    }
    const id = newId();
    existing.set(email, id);
    rows.push({
      id,
      email,
      name: member.name,
      password_hash: null,
      title: null,
      status: 'invited',
      team: member.team,
      capacity_hours: 40,
      time_zone: member.timeZone ?? 'UTC',
      working_hours: WORKING_HOURS,
      failed_sign_ins: 0,
      locked_until: null,
      created_at: member.createdAt,
      updated_at: member.createdAt,
    });
    for (const role of new Set(member.roles)) roles.push({ member_id: id, role });
    results.push({ id, created: true });
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('members')
      .values(rows.slice(i, i + 100))
      .execute();
  for (let i = 0; i < roles.length; i += 200)
    await db
      .insertInto('member_roles')
      .values(roles.slice(i, i + 200))
      .execute();
  return results;
}
