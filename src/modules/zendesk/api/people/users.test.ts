import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import {
  CREATE_OR_UPDATE_USER_REQUEST,
  CREATE_USER_REQUEST,
  CREATE_USER_RESPONSE,
  SEARCH_USERS_QUERY,
  SHOW_USER_EXAMPLE,
  UPDATE_USER_REQUEST,
  UPDATE_USER_RESPONSE,
  keysOf,
} from './reference-examples.js';

interface User {
  id: number;
  name: string;
  email: string;
  role: string;
  organization_id: number | null;
  url: string;
  external_id: string | null;
  default_group_id: number | null;
  suspended: boolean;
}

/** A cursor page as Zendesk answers it. */
type Listed = { users: User[]; meta: { has_more: boolean }; links: { next: string | null } };

describe.each(testDialects())('/api/v2/users on %s', (dialect) => {
  let t: TestApp;
  let admin: ZendeskClient;
  let orgId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await zendeskClient(t, ['admin']);
    // The reference's end-user (roge@example.org) lands on the organization owning example.org.
    const org = await admin.post('/api/v2/organizations.json', { organization: { name: 'Example Org', domain_names: ['example.org'] } });
    expect(org.statusCode).toBe(201);
    orgId = org.json().organization.id;
  });
  afterAll(async () => t.close());

  it('creates the reference’s end-user as a contact of the organization owning the e-mail domain (Create User)', async () => {
    const res = await admin.post('/api/v2/users.json', CREATE_USER_REQUEST);
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json().user as User;
    expect(user).toMatchObject(CREATE_USER_RESPONSE.user);
    expect(user).toMatchObject({ role: 'end-user', organization_id: orgId });
    expect(typeof user.id).toBe('number');
    expect(user.url).toMatch(new RegExp(`/api/v2/users/${user.id}\\.json$`));
    // Every field of the reference's user record is there.
    for (const key of keysOf(SHOW_USER_EXAMPLE.user)) expect(user, key).toHaveProperty(key);

    const shown = await admin.get(`/api/v2/users/${user.id}.json`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().user).toEqual(user);
  });

  it('updates a user’s name (Update User) and keeps the numeric id stable across calls', async () => {
    const [roger] = (await admin.get(`/api/v2/users/search.json?query=${SEARCH_USERS_QUERY}`)).json().users as User[];
    const res = await admin.put(`/api/v2/users/${roger!.id}.json`, UPDATE_USER_REQUEST);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ ...UPDATE_USER_RESPONSE.user, id: roger!.id });
    const again = await admin.get(`/api/v2/users/search?query=email:${SEARCH_USERS_QUERY}`);
    expect(again.json().users.map((u: User) => u.id)).toEqual([roger!.id]);
  });

  it('creates or updates by e-mail (Create Or Update User): 200 for the existing user, 201 for a new one', async () => {
    const existing = await admin.post('/api/v2/users/create_or_update.json', CREATE_OR_UPDATE_USER_REQUEST);
    expect(existing.statusCode, existing.body).toBe(200);
    expect(existing.json().user).toMatchObject({ name: 'Roger Wilco', email: 'roge@example.org' });
    const fresh = await admin.post('/api/v2/users/create_or_update.json', {
      user: { name: 'New Person', email: 'new.person@example.org', external_id: 'crm-42' },
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json().user).toMatchObject({ external_id: 'crm-42', role: 'end-user' });
    const byExternal = await admin.get('/api/v2/users/search.json?external_id=CRM-42');
    expect(byExternal.json().users.map((u: User) => u.email)).toEqual(['new.person@example.org']);
  });

  it('creates agents and admins as members with a default group, and shows them as agent/admin', async () => {
    const group = (await admin.post('/api/v2/groups.json', { group: { name: 'Tier 2 Support' } })).json().group;
    const agent = await admin.post('/api/v2/users.json', {
      user: { name: 'Ann Agent', email: 'ann@team.test', role: 'agent', default_group_id: group.id, external_id: 'emp-1' },
    });
    expect(agent.statusCode, agent.body).toBe(201);
    expect(agent.json().user).toMatchObject({ role: 'agent', organization_id: null, default_group_id: group.id, external_id: 'emp-1' });
    const boss = await admin.post('/api/v2/users.json', { user: { name: 'Bea Boss', email: 'bea@team.test', role: 'admin' } });
    expect(boss.json().user.role).toBe('admin');

    const promoted = await admin.put(`/api/v2/users/${agent.json().user.id}`, { user: { role: 'admin', suspended: true } });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().user).toMatchObject({ role: 'admin', suspended: true, default_group_id: group.id });
  });

  it('shows the caller as /users/me', async () => {
    const me = await admin.get('/api/v2/users/me.json');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: admin.email, role: 'admin' });
  });

  it('lists users with role filters, show_many, and offset and cursor paging that agree', async () => {
    const endUsers = (await admin.get('/api/v2/users.json?role=end-user')).json();
    expect(endUsers.users.every((u: User) => u.role === 'end-user')).toBe(true);
    expect(endUsers.count).toBe(2);
    const staff = (await admin.get('/api/v2/users.json?role[]=agent&role[]=admin')).json();
    expect(staff.users.every((u: User) => u.role !== 'end-user')).toBe(true);

    const all = (await admin.get('/api/v2/users.json')).json();
    expect(all.count).toBe(all.users.length);
    const offsetIds: number[] = [];
    let next: string | null = '/api/v2/users.json?per_page=2';
    while (next) {
      const page = (await admin.get(next.replace(/^https?:\/\/[^/]+/, ''))).json() as { users: User[]; next_page: string | null };
      offsetIds.push(...page.users.map((u: User) => u.id));
      next = page.next_page;
    }
    const cursorIds: number[] = [];
    let link: string | null = '/api/v2/users.json?page[size]=2';
    while (link) {
      const page = (await admin.get(link.replace(/^https?:\/\/[^/]+/, ''))).json() as Listed;
      cursorIds.push(...page.users.map((u: User) => u.id));
      link = page.meta.has_more ? page.links.next : null;
    }
    expect(offsetIds).toEqual(all.users.map((u: User) => u.id));
    expect(cursorIds).toEqual(offsetIds);
    expect(new Set(cursorIds).size).toBe(cursorIds.length);

    const some = offsetIds.slice(0, 3);
    const many = (await admin.get(`/api/v2/users/show_many.json?ids=${some.join(',')},999999`)).json();
    expect(many.users.map((u: User) => u.id)).toEqual(some);
  });

  it('lists an organization’s end-users', async () => {
    const res = await admin.get(`/api/v2/organizations/${orgId}/users.json`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .users.map((u: User) => u.email)
        .sort(),
    ).toEqual(['new.person@example.org', 'roge@example.org']);
  });

  it('refuses an end-user with no organization and no known domain with 422 and a clear reason, writing nothing', async () => {
    const before = (await admin.get('/api/v2/users.json?role=end-user')).json().count;
    const res = await admin.post('/api/v2/users.json', { user: { name: 'Nomad', email: 'nomad@nowhere.test' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'RecordInvalid', details: { organization_id: [{ error: 'InvalidValue' }] } });
    expect(res.json().details.organization_id[0].description).toContain('organization');
    const unknownOrg = await admin.post('/api/v2/users.json', {
      user: { name: 'Nomad', email: 'nomad@example.org', organization_id: 987654 },
    });
    expect(unknownOrg.statusCode).toBe(422);
    expect(unknownOrg.json().details).toHaveProperty('organization_id');
    expect((await admin.get('/api/v2/users.json?role=end-user')).json().count).toBe(before);
  });

  it('refuses bad e-mail, wrong types, NUL bytes, a taken e-mail and a role change, in Zendesk’s shape', async () => {
    const badEmail = await admin.post('/api/v2/users', { user: { name: 'X', email: 'not-an-email' } });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json()).toMatchObject({
      error: 'RecordInvalid',
      details: { email: [expect.objectContaining({ error: 'InvalidValue' })] },
    });
    const wrongType = await admin.post('/api/v2/users', { user: { name: 5, email: 'x@example.org' } });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().details).toHaveProperty('name');
    const nul = await admin.post('/api/v2/users', { user: { name: 'Bad\u0000Name', email: 'nul@example.org' } });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect(typeof nul.json().error).toBe('string');
    const taken = await admin.post('/api/v2/users', { user: { name: 'Again', email: 'ROGE@example.org' } });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().details).toHaveProperty('email');
    const [roger] = (await admin.get(`/api/v2/users/search?query=${SEARCH_USERS_QUERY}`)).json().users as User[];
    const roleChange = await admin.put(`/api/v2/users/${roger!.id}`, { user: { role: 'agent' } });
    expect(roleChange.statusCode).toBe(422);
    expect(roleChange.json().details).toHaveProperty('role');
    const huge = await admin.post('/api/v2/users', { user: { name: 'x'.repeat(1024 * 1024 + 10), email: 'huge@example.org' } });
    expect(huge.statusCode).toBe(413);
    expect((await admin.get('/api/v2/users/search?query=example.org')).json().count).toBe(2);
  });

  it('answers 404 RecordNotFound for an unknown id and 400 for a non-numeric one', async () => {
    const missing = await admin.get('/api/v2/users/99999999.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('RecordNotFound');
    const put = await admin.put('/api/v2/users/99999999.json', UPDATE_USER_REQUEST);
    expect(put.statusCode).toBe(404);
    expect((await admin.get('/api/v2/users/abc.json')).statusCode).toBe(400);
  });

  it('answers anonymous callers 401 in Zendesk’s shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v2/users.json' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: "Couldn't authenticate you" });
  });

  it('hides end-users from a token without accounts.read and refuses writes without the permission', async () => {
    const engineer = await zendeskClient(t, ['software_engineer']);
    // Software engineers read accounts too; a token limited to members.read sees only agents.
    const limited = await zendeskClient(t, ['stakeholder']);
    const membersOnly = await t.app.inject({
      method: 'GET',
      url: '/api/v2/users.json',
      headers: { authorization: await tokenWith(['members.read'], limited) },
    });
    expect(membersOnly.statusCode, membersOnly.body).toBe(200);
    expect(membersOnly.json().users.every((u: User) => u.role !== 'end-user')).toBe(true);
    const [roger] = (await admin.get(`/api/v2/users/search?query=${SEARCH_USERS_QUERY}`)).json().users as User[];
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v2/users/${roger!.id}.json`,
      headers: { authorization: await tokenWith(['members.read'], limited) },
    });
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().error).toBe('Forbidden');

    const asEngineer = await engineer.post('/api/v2/users', { user: { name: 'Eve', email: 'eve@example.org' } });
    expect(asEngineer.statusCode).toBe(403);
    const agentByTier1 = await (
      await zendeskClient(t, ['support_tier1'])
    ).post('/api/v2/users', {
      user: { name: 'Sneaky', email: 'sneaky@team.test', role: 'admin' },
    });
    expect(agentByTier1.statusCode).toBe(403);
    expect((await admin.get('/api/v2/users/search?query=sneaky')).json().count).toBe(0);
  });

  it('takes a record sent back whole, read-only fields and unset (null) attributes included, as clients do', async () => {
    const created = await admin.post('/api/v2/users', {
      user: {
        name: 'Zed',
        email: 'zed@example.org',
        role: null,
        iana_time_zone: null,
        suspended: null,
        organization_id: null,
        id: null,
        url: null,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const zed = created.json().user;
    expect(zed).toMatchObject({ role: 'end-user', organization_id: orgId });
    const resent = await admin.put(`/api/v2/users/${zed.id}`, { user: { ...zed, name: 'Zed Again' } });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().user).toEqual({ ...zed, name: 'Zed Again', updated_at: resent.json().user.updated_at });
  });

  /** A second API token of the same member, carrying only these scopes. */
  async function tokenWith(scopes: string[], client: ZendeskClient): Promise<string> {
    const { actorForMemberId, createToken } = await import('../../../identity/sessions/auth-service.js');
    const actor = (await actorForMemberId(t.db.kysely, client.memberId))!;
    const ctx = { actorType: 'member' as const, actorId: client.memberId, memberId: client.memberId, ip: null };
    const { token } = await createToken(t.db.kysely, actor, ctx, { name: 'limited', scopes: scopes as never });
    return `Basic ${Buffer.from(`${client.email}/token:${token}`).toString('base64')}`;
  }
});
