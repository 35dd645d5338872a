import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { Actor, ChangeContext } from '../../../../kernel/actor.js';
import { errors } from '../../../../kernel/errors.js';
import type { Permission } from '../../../../kernel/permissions.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import { accountIdForEmail, createContact, findContactByEmail, moveContact, updateContact } from '../../../accounts/index.js';
import { apiGroups, type ApiGroup } from '../../../support/index.js';
import { apiMembers, createMember, findMemberRowByEmail, updateMember } from '../../../team/index.js';
import type { Role } from '../../../identity/index.js';
import type { UserInput, ZendeskUserRole } from '../../contract/people.js';
import { ROLE_OF_TIER } from '../../import/map-people.js';
import { outpostIdOf } from '../numeric-ids.js';
import { outpostIdByExternalId, setExternalId } from '../external-ids.js';
import type { UserRef } from './present-people.js';
import { refsOfOutpostIds } from './user-directory.js';

/**
 * Creating and updating Zendesk users (Support API reference → Users → Create User, Update User,
 * Create Or Update User). An end-user becomes a contact on its organization's account (or on the
 * account owning its e-mail domain); an agent or admin becomes a member, whose role follows their
 * default group's tier. Each call is one transaction: the record and its external id, or nothing.
 */

const MEMBER_NAME_MAX = 120;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw errors.forbidden(permission);
}

async function groupOf(db: Kysely<Database>, numericId: number | null | undefined): Promise<ApiGroup | null> {
  if (numericId === null || numericId === undefined) return null;
  const id = await outpostIdOf(db, 'group', numericId);
  const group = id ? (await apiGroups(db)).find((g) => g.id === id) : undefined;
  if (!group) throw errors.referenceMissing('group', 'default_group_id');
  return group;
}

async function accountOf(db: Kysely<Database>, organizationId: number): Promise<string> {
  const id = await outpostIdOf(db, 'organization', organizationId);
  if (!id) throw errors.referenceMissing('organization', 'organization_id');
  return id;
}

/** A member's roles: their group's tier role (or what they had, or Tier 1), plus admin for Zendesk's admins. */
function staffRoles(role: 'agent' | 'admin', group: ApiGroup | null, current: string[] = []): Role[] {
  const tierRoles = Object.values(ROLE_OF_TIER);
  let roles = current.filter((r) => r !== 'admin');
  if (group) roles = [...roles.filter((r) => !tierRoles.includes(r)), ROLE_OF_TIER[group.tier]];
  if (!roles.length) roles = [ROLE_OF_TIER.tier1];
  if (role === 'admin') roles.push('admin');
  return [...new Set(roles)] as Role[];
}

function memberName(name: string): string {
  if (name.length > MEMBER_NAME_MAX)
    throw errors.validation(`name: an agent’s name has at most ${MEMBER_NAME_MAX} characters`, { location: 'body', field: 'name' });
  return name;
}

/** Zendesk refuses a second user with an address; members and contacts share one address space here too. */
async function assertEmailFree(db: Kysely<Database>, email: string, except: string | null): Promise<void> {
  const [member, contact] = await Promise.all([findMemberRowByEmail(db, email), findContactByEmail(db, email)]);
  const owner = member?.id ?? contact?.id;
  if (owner && owner !== except) throw errors.duplicate('A user', 'email');
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  ctx: ChangeContext,
  input: UserInput & { name: string },
): Promise<UserRef> {
  const role = input.role ?? 'end-user';
  requirePermission(actor, role === 'end-user' ? 'contacts.write' : 'members.manage');
  if (!input.email) throw errors.userEmailRequired({ field: 'email' });
  const email = input.email;
  return inTransaction(db, async (trx) => {
    await assertEmailFree(trx, email, null);
    let ref: UserRef;
    if (role === 'end-user') {
      const accountId = input.organization_id ? await accountOf(trx, input.organization_id) : await accountIdForEmail(trx, email);
      if (!accountId) throw errors.endUserWithoutOrganization({ field: 'organization_id' });
      const contact = await createContact(trx, ctx, accountId, { name: input.name, email, phone: input.phone ?? null });
      ref = { type: 'contact', id: contact.id };
    } else {
      const group = await groupOf(trx, input.default_group_id);
      const { member } = await createMember(trx, ctx, {
        email,
        name: memberName(input.name),
        roles: staffRoles(role, group),
        team: group?.name.slice(0, 80) ?? null,
        timeZone: input.iana_time_zone,
      });
      if (input.suspended) await updateMember(trx, ctx, member.id, { status: 'disabled' });
      ref = { type: 'member', id: member.id };
    }
    if (input.external_id) await setExternalId(trx, 'user', ref.id, input.external_id);
    return ref;
  });
}

export async function updateUser(db: Kysely<Database>, actor: Actor, ctx: ChangeContext, ref: UserRef, input: UserInput): Promise<void> {
  const isStaffRole = (r: ZendeskUserRole | undefined) => r === 'agent' || r === 'admin';
  if (input.role && (ref.type === 'contact') === isStaffRole(input.role)) throw errors.userRoleChangeUnsupported({ field: 'role' });
  await inTransaction(db, async (trx) => {
    if (ref.type === 'contact') {
      requirePermission(actor, 'contacts.write');
      if (input.email) await assertEmailFree(trx, input.email, ref.id);
      await updateContact(trx, ctx, ref.id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
      });
      if (input.organization_id) await moveContact(trx, ctx, ref.id, await accountOf(trx, input.organization_id));
    } else {
      requirePermission(actor, 'members.manage');
      const member = (await apiMembers(trx, [ref.id])).get(ref.id)!;
      if (input.email && input.email.toLowerCase() !== member.email) throw errors.agentEmailUnchangeable({ field: 'email' });
      const group = input.default_group_id !== undefined ? await groupOf(trx, input.default_group_id) : null;
      const role = (input.role as 'agent' | 'admin' | undefined) ?? (member.roles.includes('admin') ? 'admin' : 'agent');
      const rolesChange = input.role !== undefined || group !== null;
      await updateMember(trx, ctx, ref.id, {
        ...(input.name !== undefined ? { name: memberName(input.name) } : {}),
        ...(input.iana_time_zone !== undefined ? { timeZone: input.iana_time_zone } : {}),
        ...(input.suspended !== undefined ? { status: input.suspended ? 'disabled' : 'active' } : {}),
        ...(group ? { team: group.name.slice(0, 80) } : {}),
        ...(rolesChange ? { roles: staffRoles(role, group, member.roles) } : {}),
      });
    }
    if (input.external_id !== undefined) await setExternalId(trx, 'user', ref.id, input.external_id);
  });
}

/**
 * Create Or Update User: the user with this external_id or e-mail is updated, else one is
 * created. Answers whether it created one (201) or updated one (200).
 */
export async function createOrUpdateUser(
  db: Kysely<Database>,
  actor: Actor,
  ctx: ChangeContext,
  input: UserInput,
): Promise<{ ref: UserRef; created: boolean }> {
  const existing = await findByIdentity(db, input);
  if (existing) {
    await updateUser(db, actor, ctx, existing, input);
    return { ref: existing, created: false };
  }
  if (!input.name) throw errors.validation('name: Enter the user’s name', { location: 'body', field: 'name' });
  return { ref: await createUser(db, actor, ctx, { ...input, name: input.name }), created: true };
}

async function findByIdentity(db: Kysely<Database>, input: UserInput): Promise<UserRef | null> {
  if (input.external_id) {
    const id = await outpostIdByExternalId(db, 'user', input.external_id);
    const [ref] = id ? await refsOfOutpostIds(db, [id]) : [];
    if (ref) return ref;
  }
  if (input.email) {
    const member = await findMemberRowByEmail(db, input.email);
    if (member) return { type: 'member', id: member.id };
    const contact = await findContactByEmail(db, input.email);
    if (contact) return { type: 'contact', id: contact.id };
  }
  return null;
}
