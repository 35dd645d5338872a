import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { hashPassword, revokeMemberSessions } from '../../identity/index.js';
import { randomSecret } from '../../../kernel/secrets.js';
import * as repo from './member-repository.js';
import type { CreateMemberInput, Member, UpdateMemberInput } from '../contract/members.js';

const DEFAULT_WORKING_HOURS = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

export async function getMember(db: Kysely<Database>, id: string): Promise<Member> {
  const row = await repo.findMemberRow(db, id);
  if (!row) throw errors.memberNotFound();
  const [member] = await repo.toMembers(db, [row]);
  return member!;
}

/** The teams members are on, by name, with their member counts (disabled members left out). */
export async function listTeams(db: Kysely<Database>) {
  return { items: await repo.teamCounts(db) };
}

export async function listMembers(db: Kysely<Database>, filter: Parameters<typeof repo.listMemberRows>[1]) {
  const page = await repo.listMemberRows(db, filter);
  return { items: await repo.toMembers(db, page.items), nextCursor: page.nextCursor };
}

/**
 * Creates a member. Without a password a temporary one is generated and returned once, for the
 * admin to hand over; the member changes it after signing in.
 */
export async function createMember(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: CreateMemberInput,
): Promise<{ member: Member; temporaryPassword: string | null }> {
  const email = input.email.toLowerCase();
  if (await repo.findMemberRowByEmail(db, email)) throw errors.duplicate('A member', 'email');
  const temporaryPassword = input.password ? null : randomSecret(12);
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  const now = nowIso();
  const row: repo.MemberRow = {
    id: newId(),
    email,
    name: input.name,
    title: input.title ?? null,
    team: input.team ?? null,
    password_hash: passwordHash,
    status: 'active',
    capacity_hours: input.capacityHours ?? 40,
    time_zone: input.timeZone ?? 'UTC',
    working_hours: JSON.stringify(input.workingHours ?? DEFAULT_WORKING_HOURS),
    failed_sign_ins: 0,
    locked_until: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertMember(trx, row);
    await repo.replaceRoles(trx, row.id, [...new Set(input.roles)]);
    await repo.replaceSkills(trx, row.id, [...new Set(input.skills ?? [])]);
    await recordAudit(trx, ctx, {
      action: 'member.created',
      recordType: 'member',
      recordId: row.id,
      changes: diff(null, { email, name: row.name, team: row.team, roles: input.roles, skills: input.skills ?? [] }),
    });
  });
  return { member: await getMember(db, row.id), temporaryPassword };
}

export async function updateMember(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateMemberInput): Promise<Member> {
  const before = await getMember(db, id);
  await inTransaction(db, async (trx) => {
    const losesAdmin =
      before.roles.includes('admin') &&
      before.status === 'active' &&
      ((input.roles && !input.roles.includes('admin')) || input.status === 'disabled');
    if (losesAdmin && (await repo.countActiveAdmins(trx)) <= 1) throw errors.lastAdmin();
    const patch: Partial<repo.MemberRow> = { updated_at: nowIso() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.title !== undefined) patch.title = input.title ?? null;
    if (input.team !== undefined) patch.team = input.team;
    if (input.capacityHours !== undefined) patch.capacity_hours = input.capacityHours;
    if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
    if (input.workingHours !== undefined) patch.working_hours = JSON.stringify(input.workingHours);
    if (input.status !== undefined) patch.status = input.status;
    await repo.updateMemberRow(trx, id, patch);
    if (input.roles) await repo.replaceRoles(trx, id, [...new Set(input.roles)]);
    if (input.skills) await repo.replaceSkills(trx, id, [...new Set(input.skills)]);
    // A disabled member is signed out everywhere at once.
    if (input.status === 'disabled') await revokeMemberSessions(trx, id);
    const after = {
      ...before,
      ...input,
      title: input.title === undefined ? before.title : (input.title ?? null),
      team: input.team === undefined ? before.team : input.team,
    };
    await recordAudit(trx, ctx, { action: 'member.updated', recordType: 'member', recordId: id, changes: diff(before, after) });
  });
  return getMember(db, id);
}

/**
 * Sets a member's password and signs them out everywhere else: whoever knew the old password
 * keeps no session. `keepSessionIdHash` spares the session that made the change.
 */
export async function setPassword(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  password: string,
  keepSessionIdHash: string | null = null,
): Promise<void> {
  await getMember(db, id);
  const hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await repo.updateMemberRow(trx, id, { password_hash: hash, updated_at: nowIso() });
    await revokeMemberSessions(trx, id, keepSessionIdHash);
    await recordAudit(trx, ctx, { action: 'member.password_set', recordType: 'member', recordId: id });
  });
}

export { findMemberRowByEmail, findMemberRow, rolesOf } from './member-repository.js';
