import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { apiAccounts, apiContacts } from '../../../accounts/index.js';
import { apiGroups, type ApiGroup } from '../../../support/index.js';
import { apiMembers, type ApiMember } from '../../../team/index.js';
import type { ZendeskGroupJson, ZendeskOrganizationJson, ZendeskUserJson } from '../../contract/people.js';
import { apiUrl, zendeskTime } from '../http/urls.js';
import { numericIds } from '../numeric-ids.js';
import { externalIdsOf } from '../external-ids.js';
import { ROLE_OF_TIER } from '../../import/map-people.js';

/**
 * Users, organizations and groups as Zendesk's API shows them (Support API reference → Users,
 * Organizations, Groups: "JSON format"). One batch read per kind per page; records that no longer
 * exist are left out. Search and the incremental user export (helper G) present through these too.
 *
 * A Zendesk user is an Outpost member (agent, or admin with the admin role) or a customer contact
 * (end-user, its organization the contact's account); both share the `user` numeric id space.
 */
export interface UserRef {
  type: 'member' | 'contact';
  id: string;
}

const NOTHING = { tags: [] as string[], alias: '', details: '', notes: '', user_fields: {} };

export async function presentUsers(db: Kysely<Database>, request: FastifyRequest, refs: UserRef[]): Promise<ZendeskUserJson[]> {
  if (!refs.length) return [];
  const memberIds = refs.filter((r) => r.type === 'member').map((r) => r.id);
  const contactIds = refs.filter((r) => r.type === 'contact').map((r) => r.id);
  const [members, contacts] = await Promise.all([apiMembers(db, memberIds), apiContacts(db, contactIds)]);
  const groups = members.size ? await apiGroups(db) : [];
  const defaultGroups = new Map([...members.values()].map((m) => [m.id, defaultGroupOf(m, groups)?.id ?? null]));
  const [numbers, organizations, groupNumbers, externalIds] = await Promise.all([
    numericIds(db, 'user', [...members.keys(), ...contacts.keys()]),
    numericIds(
      db,
      'organization',
      [...contacts.values()].map((c) => c.accountId),
    ),
    numericIds(
      db,
      'group',
      [...defaultGroups.values()].filter((g): g is string => !!g),
    ),
    externalIdsOf(db, 'user', [...members.keys(), ...contacts.keys()]),
  ]);
  const out: ZendeskUserJson[] = [];
  for (const ref of refs) {
    const id = numbers.get(ref.id);
    if (ref.type === 'member') {
      const m = members.get(ref.id);
      if (!m || id === undefined) continue;
      const group = defaultGroups.get(m.id);
      out.push({
        ...base(request, id, externalIds.get(m.id) ?? null),
        name: m.name,
        email: m.email,
        created_at: zendeskTime(m.createdAt),
        updated_at: zendeskTime(m.updatedAt),
        time_zone: m.timeZone,
        iana_time_zone: m.timeZone,
        phone: null,
        organization_id: null,
        role: m.roles.includes('admin') ? 'admin' : 'agent',
        // A disabled member can no longer sign in: Zendesk calls that suspended.
        suspended: m.status === 'disabled',
        ticket_restriction: null,
        default_group_id: group ? (groupNumbers.get(group) ?? null) : null,
      });
    } else {
      const c = contacts.get(ref.id);
      if (!c || id === undefined) continue;
      out.push({
        ...base(request, id, externalIds.get(c.id) ?? null),
        name: c.name,
        email: c.email,
        created_at: zendeskTime(c.createdAt),
        updated_at: zendeskTime(c.updatedAt),
        time_zone: 'UTC',
        iana_time_zone: 'Etc/UTC',
        phone: c.phone,
        organization_id: organizations.get(c.accountId) ?? null,
        role: 'end-user',
        suspended: false,
        // End-users see the tickets they requested (Zendesk's default for them).
        ticket_restriction: 'requested',
        default_group_id: null,
      });
    }
  }
  return out;
}

function base(request: FastifyRequest, id: number, externalId: string | null) {
  return {
    ...NOTHING,
    id,
    url: apiUrl(request, `/api/v2/users/${id}`),
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    role_type: null,
    custom_role_id: null,
    verified: true,
    external_id: externalId,
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: null,
    signature: null,
    moderator: false,
    only_private_comments: false,
    restricted_agent: false,
    chat_only: false,
    report_csv: false,
  };
}

/** A member's group: the one named like their team (an import sets it so), else the first of their tier. */
export function defaultGroupOf(member: Pick<ApiMember, 'team' | 'roles'>, groups: ApiGroup[]): ApiGroup | null {
  const byTeam = member.team ? groups.find((g) => g.name.toLowerCase() === member.team!.toLowerCase()) : undefined;
  if (byTeam) return byTeam;
  const tiers = Object.entries(ROLE_OF_TIER)
    .filter(([, role]) => member.roles.includes(role))
    .map(([tier]) => tier);
  return groups.find((g) => tiers.includes(g.tier)) ?? null;
}

/** Organizations in the order of `accountIds`; ids with no account are left out. */
export async function presentOrganizations(
  db: Kysely<Database>,
  request: FastifyRequest,
  accountIds: string[],
): Promise<ZendeskOrganizationJson[]> {
  if (!accountIds.length) return [];
  const [accounts, numbers, externalIds] = await Promise.all([
    apiAccounts(db, accountIds),
    numericIds(db, 'organization', accountIds),
    externalIdsOf(db, 'organization', accountIds),
  ]);
  return accountIds.flatMap((accountId) => {
    const a = accounts.get(accountId);
    const id = numbers.get(accountId);
    if (!a || id === undefined) return [];
    return [
      {
        id,
        url: apiUrl(request, `/api/v2/organizations/${id}`),
        name: a.name,
        domain_names: a.domains,
        // Outpost keeps one notes field; an import folds Zendesk's details into it.
        details: null,
        notes: a.notes,
        group_id: null,
        shared_tickets: false,
        shared_comments: false,
        tags: a.tags,
        organization_fields: {},
        external_id: externalIds.get(accountId) ?? null,
        created_at: zendeskTime(a.createdAt),
        updated_at: zendeskTime(a.updatedAt),
      },
    ];
  });
}

/** Groups as Zendesk shows them; the oldest stands for the account's default group. */
export async function presentGroups(db: Kysely<Database>, request: FastifyRequest, groups: ApiGroup[]): Promise<ZendeskGroupJson[]> {
  if (!groups.length) return [];
  const [all, numbers] = await Promise.all([
    apiGroups(db),
    numericIds(
      db,
      'group',
      groups.map((g) => g.id),
    ),
  ]);
  const defaultId = all[0]?.id;
  return groups.map((g) => {
    const id = numbers.get(g.id)!;
    return {
      id,
      url: apiUrl(request, `/api/v2/groups/${id}`),
      name: g.name,
      description: '',
      default: g.id === defaultId,
      deleted: false,
      is_public: true,
      created_at: zendeskTime(g.createdAt),
      updated_at: zendeskTime(g.createdAt),
    };
  });
}
