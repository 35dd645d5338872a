import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { domainOwners, importAccounts, importContacts, type ImportedContact } from '../../accounts/index.js';
import { createGroup, listGroups, type Tier } from '../../support/index.js';
import { importMembers, type ImportedMember } from '../../team/index.js';
import { count, idsOf, runStep, skip, type BatchOutcome, type ImportContext } from './import-context.js';
import { accountNotes, emailOf, isStaff, isoTime, memberRoles, nameOf, normaliseTags, tierOfGroup } from './map-people.js';
import { idKey, type ZendeskGroup, type ZendeskGroupMembership, type ZendeskOrganization, type ZendeskUser } from './zendesk-records.js';

/** Where end users without an organisation (and no known e-mail domain) go: reported, never dropped. */
export const NO_ORGANIZATION_ACCOUNT = 'Imported — no organization';

export async function importOrganizations(ctx: ImportContext): Promise<void> {
  const known = idsOf(ctx, 'organization');
  await runStep<ZendeskOrganization>(ctx, 'organizations', async (db, batch, outcome) => {
    const fresh: ZendeskOrganization[] = [];
    for (const item of batch) {
      if ('error' in item) skip(outcome, 'organization', null, item.error);
      else if (!idKey(item.record.id)) skip(outcome, 'organization', null, 'an organization without an id');
      else if (known.has(idKey(item.record.id)!)) count(outcome, 'organization', 'unchanged');
      else if (item.record.deleted_at) skip(outcome, 'organization', idKey(item.record.id), 'deleted in Zendesk');
      else if (!item.record.name?.trim()) skip(outcome, 'organization', idKey(item.record.id), 'an organization without a name');
      else fresh.push(item.record);
    }
    const now = new Date().toISOString();
    const results = await importAccounts(
      db,
      fresh.map((o) => ({
        name: o.name!.trim().slice(0, 200),
        domains: (o.domain_names ?? []).filter((d) => typeof d === 'string' && d.includes('.')),
        tags: normaliseTags(o.tags),
        notes: accountNotes(o),
        createdAt: isoTime(o.created_at, now),
      })),
    );
    results.forEach((result, i) => {
      const id = idKey(fresh[i]!.id)!;
      count(outcome, 'organization', 'imported');
      outcome.externalIds.push({ kind: 'organization', externalId: id, outpostId: result.id });
      if (result.created) outcome.claims.push({ kind: 'organization', numericId: Number(id), outpostId: result.id });
      for (const domain of result.domainsTaken)
        outcome.skips.push({ kind: 'organization_domain', externalId: id, reason: `domain ${domain} already belongs to another account` });
    });
  });
}

/** Zendesk group id → its name and tier; read whole on every start (groups are few) since members need the tiers. */
export async function readGroups(ctx: ImportContext): Promise<Map<string, { name: string; tier: Tier }>> {
  const groups = new Map<string, { name: string; tier: Tier }>();
  for await (const item of ctx.source.records<ZendeskGroup>('groups', 0)) {
    if ('error' in item || !idKey(item.record.id) || !item.record.name?.trim()) continue;
    groups.set(idKey(item.record.id)!, { name: item.record.name.trim().slice(0, 100), tier: tierOfGroup(item.record.name) });
  }
  return groups;
}

export async function importGroups(ctx: ImportContext): Promise<void> {
  const known = idsOf(ctx, 'group');
  await runStep<ZendeskGroup>(ctx, 'groups', async (db, batch, outcome) => {
    const existing = new Map((await listGroups(db)).map((g) => [g.name.toLowerCase(), g.id]));
    for (const item of batch) {
      if ('error' in item) {
        skip(outcome, 'group', null, item.error);
        continue;
      }
      const id = idKey(item.record.id);
      const name = item.record.name?.trim().slice(0, 100);
      if (!id || !name) skip(outcome, 'group', id, 'a group without an id or a name');
      else if (known.has(id)) count(outcome, 'group', 'unchanged');
      else {
        // A group of that name made by hand before the import is the same group.
        const groupId = existing.get(name.toLowerCase()) ?? (await createGroup(db, SYSTEM_CONTEXT, { name, tier: tierOfGroup(name) })).id;
        existing.set(name.toLowerCase(), groupId);
        count(outcome, 'group', 'imported');
        outcome.externalIds.push({ kind: 'group', externalId: id, outpostId: groupId });
        outcome.claims.push({ kind: 'group', numericId: Number(id), outpostId: groupId });
      }
    }
  });
}

/** Zendesk user id → their groups' ids, from group_memberships (plus each user's default_group_id, read with the users). */
export async function readMemberships(ctx: ImportContext): Promise<Map<string, string[]>> {
  const memberships = new Map<string, string[]>();
  for await (const item of ctx.source.records<ZendeskGroupMembership>('group_memberships', 0)) {
    if ('error' in item) continue;
    const user = idKey(item.record.user_id);
    const group = idKey(item.record.group_id);
    if (user && group) memberships.set(user, [...(memberships.get(user) ?? []), group]);
  }
  return memberships;
}

export async function importUsers(
  ctx: ImportContext,
  groups: Map<string, { name: string; tier: Tier }>,
  memberships: Map<string, string[]>,
): Promise<void> {
  const known = idsOf(ctx, 'user');
  const organizations = idsOf(ctx, 'organization');
  await runStep<ZendeskUser>(ctx, 'users', async (db, batch, outcome) => {
    const staff: { user: ZendeskUser; member: ImportedMember }[] = [];
    const customers: { user: ZendeskUser; contact: Omit<ImportedContact, 'accountId'>; accountId: string | null }[] = [];
    const now = new Date().toISOString();
    for (const item of batch) {
      if ('error' in item) {
        skip(outcome, 'user', null, item.error);
        continue;
      }
      const user = item.record;
      const id = idKey(user.id);
      if (!id) skip(outcome, 'user', null, 'a user without an id');
      else if (known.has(id)) count(outcome, 'user', 'unchanged');
      else if (isStaff(user)) {
        const groupIds = [...new Set([...(memberships.get(id) ?? []), ...(user.default_group_id ? [String(user.default_group_id)] : [])])];
        const ofUser = groupIds.map((g) => groups.get(g)).filter((g): g is { name: string; tier: Tier } => !!g);
        staff.push({
          user,
          member: {
            name: nameOf(user),
            email: emailOf(user),
            roles: memberRoles(
              user,
              ofUser.map((g) => g.tier),
            ),
            team: ofUser[0]?.name ?? null,
            timeZone: user.iana_time_zone ?? null,
            createdAt: isoTime(user.created_at, now),
          },
        });
      } else {
        const org = idKey(user.organization_id);
        customers.push({
          user,
          contact: {
            name: nameOf(user),
            email: emailOf(user),
            phone: user.phone?.slice(0, 50) ?? null,
            createdAt: isoTime(user.created_at, now),
          },
          accountId: org ? (organizations.get(org) ?? null) : null,
        });
      }
    }
    const members = await importMembers(
      db,
      staff.map((s) => s.member),
    );
    members.forEach((m, i) => {
      count(outcome, 'user', 'imported');
      outcome.externalIds.push({ kind: 'user', externalId: idKey(staff[i]!.user.id)!, outpostId: `member:${m.id}` });
      if (m.created) outcome.claims.push({ kind: 'user', numericId: Number(staff[i]!.user.id), outpostId: m.id });
    });
    await placeCustomers(db, customers, outcome);
    const contacts = await importContacts(
      db,
      customers.map((c) => ({ ...c.contact, accountId: c.accountId! })),
    );
    contacts.forEach((c, i) => {
      count(outcome, 'user', 'imported');
      outcome.externalIds.push({ kind: 'user', externalId: idKey(customers[i]!.user.id)!, outpostId: `contact:${c.id}` });
      if (c.created) outcome.claims.push({ kind: 'user', numericId: Number(customers[i]!.user.id), outpostId: c.id });
    });
  });
}

/**
 * End users with no (imported) organisation: the account owning their e-mail domain, else the
 * "no organization" account. Both are counted so the report says how many were placed so.
 */
async function placeCustomers(
  db: Kysely<Database>,
  customers: { contact: { email: string }; accountId: string | null }[],
  outcome: BatchOutcome,
): Promise<void> {
  const homeless = customers.filter((c) => !c.accountId);
  if (!homeless.length) return;
  const owners = await domainOwners(
    db,
    homeless.map((c) => c.contact.email.split('@')[1]!),
  );
  let fallback: string | null = null;
  for (const c of homeless) {
    const owner = owners.get(c.contact.email.split('@')[1]!);
    if (owner) {
      c.accountId = owner;
      count(outcome, 'user_matched_by_domain', 'imported');
    } else {
      fallback ??= (
        await importAccounts(db, [
          { name: NO_ORGANIZATION_ACCOUNT, domains: [], tags: ['zendesk-import'], notes: null, createdAt: new Date().toISOString() },
        ])
      )[0]!.id;
      c.accountId = fallback;
      count(outcome, 'user_without_organization', 'imported');
    }
  }
}
