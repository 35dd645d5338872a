import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { createAccountViaService, createContactViaService } from '../../../../../test/factories/index.js';
import {
  AUTOCOMPLETE_NAMES,
  CREATE_ORGANIZATION_REQUEST,
  CREATE_ORGANIZATION_RESPONSE,
  SHOW_ORGANIZATION_EXAMPLE,
  UPDATE_ORGANIZATION_REQUEST,
  UPDATE_ORGANIZATION_RESPONSE,
  keysOf,
} from './reference-examples.js';

interface Organization {
  id: number;
  name: string;
  notes: string | null;
  tags: string[];
  domain_names: string[];
  external_id: string | null;
}

/** A cursor page as Zendesk answers it. */
type Listed = { organizations: Organization[]; meta: { has_more: boolean }; links: { next: string | null } };

describe.each(testDialects())('/api/v2/organizations on %s', (dialect) => {
  let t: TestApp;
  let admin: ZendeskClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await zendeskClient(t, ['admin']);
  });
  afterAll(async () => t.close());

  it('creates an organization from the reference’s request (Create Organization) as an account', async () => {
    const res = await admin.post('/api/v2/organizations.json', CREATE_ORGANIZATION_REQUEST);
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json().organization as Organization;
    expect(org).toMatchObject(CREATE_ORGANIZATION_RESPONSE.organization);
    for (const key of keysOf(SHOW_ORGANIZATION_EXAMPLE.organization)) expect(org, key).toHaveProperty(key);
    const accounts = await t.db.kysely.selectFrom('accounts').select('name').where('name', '=', 'My Organization').execute();
    expect(accounts).toHaveLength(1);
  });

  it('keeps the reference organization’s domains, tags, notes and external id (Show Organization)', async () => {
    const { id: _id, url: _url, created_at: _c, updated_at: _u, ...example } = SHOW_ORGANIZATION_EXAMPLE.organization;
    const created = await admin.post('/api/v2/organizations', { organization: example });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().organization.id as number;
    const shown = await admin.get(`/api/v2/organizations/${id}.json`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().organization).toMatchObject({
      id,
      name: 'Groablet Enterprises',
      domain_names: ['remain.com'],
      tags: ['smiley', 'teapot_kettle'],
      external_id: 'ABC198',
      // One notes field: the details come first, as on import.
      notes: 'caterpillar =)\n\ndonkey',
      shared_tickets: false,
    });
    const byExternal = await admin.get('/api/v2/organizations/search.json?external_id=abc198');
    expect(byExternal.json().organizations.map((o: Organization) => o.id)).toEqual([id]);
    const byName = await admin.get('/api/v2/organizations/search.json?name=Groablet%20Enterprises');
    expect(byName.json().organizations.map((o: Organization) => o.id)).toEqual([id]);
  });

  it('updates notes (Update Organization) and keeps the numeric id', async () => {
    const [org] = (await admin.get('/api/v2/organizations/search?name=My%20Organization')).json().organizations as Organization[];
    const res = await admin.put(`/api/v2/organizations/${org!.id}.json`, UPDATE_ORGANIZATION_REQUEST);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organization).toMatchObject({ ...UPDATE_ORGANIZATION_RESPONSE.organization, id: org!.id });
    const renamed = await admin.put(`/api/v2/organizations/${org!.id}`, {
      organization: { name: 'My Renamed Org', tags: ['VIP Customer'] },
    });
    expect(renamed.json().organization).toMatchObject({
      id: org!.id,
      name: 'My Renamed Org',
      tags: ['vip_customer'],
      notes: 'Something interesting',
    });
  });

  it('autocompletes names, shows many, and pages by offset and cursor alike', async () => {
    for (const name of [...AUTOCOMPLETE_NAMES, 'Other Co'])
      expect((await admin.post('/api/v2/organizations', { organization: { name } })).statusCode).toBe(201);
    const auto = await admin.get('/api/v2/organizations/autocomplete.json?name=imp');
    expect(auto.statusCode).toBe(200);
    expect(
      auto
        .json()
        .organizations.map((o: Organization) => o.name)
        .sort(),
    ).toEqual([...AUTOCOMPLETE_NAMES].sort());

    const all = (await admin.get('/api/v2/organizations.json')).json();
    expect(all.count).toBe(5);
    const cursorIds: number[] = [];
    let link: string | null = '/api/v2/organizations.json?page[size]=2';
    while (link) {
      const page = (await admin.get(link.replace(/^https?:\/\/[^/]+/, ''))).json() as Listed;
      cursorIds.push(...page.organizations.map((o: Organization) => o.id));
      link = page.meta.has_more ? page.links.next : null;
    }
    expect(cursorIds).toEqual(all.organizations.map((o: Organization) => o.id));
    const second = (await admin.get('/api/v2/organizations.json?page=2&per_page=2')).json();
    expect(second.organizations.map((o: Organization) => o.id)).toEqual(cursorIds.slice(2, 4));
    expect(second.previous_page).toContain('page=1');

    const many = (await admin.get(`/api/v2/organizations/show_many?ids=${cursorIds[3]},${cursorIds[0]}`)).json();
    expect(many.organizations.map((o: Organization) => o.id)).toEqual([cursorIds[3], cursorIds[0]]);
  });

  it('lists an organization’s tickets and only its own', async () => {
    const account = await createAccountViaService(t.db, { name: 'Ticketed Co' });
    const contact = await createContactViaService(t.db, account.id, { email: 'req@ticketed.test' });
    for (const subject of ['Printer on fire', 'Printer still on fire']) {
      const created = await admin.request({
        method: 'POST',
        url: '/api/tickets',
        payload: { subject, description: 'Help', requesterId: contact.id },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const [requester] = (await admin.get('/api/v2/users/search.json?query=req@ticketed.test')).json().users;
    const res = await admin.get(`/api/v2/organizations/${requester.organization_id}/tickets.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tickets.map((x: { subject: string }) => x.subject)).toEqual(['Printer on fire', 'Printer still on fire']);
    expect(res.json().tickets.every((x: { organization_id: number }) => x.organization_id === requester.organization_id)).toBe(true);
    const [other] = (await admin.get('/api/v2/organizations/search?name=Other%20Co')).json().organizations as Organization[];
    expect((await admin.get(`/api/v2/organizations/${other!.id}/tickets`)).json()).toMatchObject({ tickets: [], count: 0 });
    expect((await admin.get('/api/v2/organizations/4242424/tickets')).statusCode).toBe(404);
  });

  it('refuses a duplicate name, a taken external id, a bad domain and NUL bytes with 422, writing nothing', async () => {
    const count = async () =>
      (
        await t.db.kysely
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const dup = await admin.post('/api/v2/organizations', { organization: { name: 'other co' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ error: 'RecordInvalid', details: { name: expect.any(Array) } });
    const ext = await admin.post('/api/v2/organizations', { organization: { name: 'Fresh', external_id: 'ABC198' } });
    expect(ext.statusCode).toBe(422);
    expect(ext.json().details).toHaveProperty('external_id');
    const domain = await admin.post('/api/v2/organizations', { organization: { name: 'Fresh', domain_names: ['not a domain'] } });
    expect(domain.statusCode).toBe(422);
    expect(domain.json().details).toHaveProperty('domain_names');
    const nul = await admin.post('/api/v2/organizations', { organization: { name: 'Fresh\u0000Co' } });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    const wrongType = await admin.post('/api/v2/organizations', { organization: { name: 'Fresh', tags: 'one' } });
    expect(wrongType.statusCode).toBe(422);
    expect(Number(await count())).toBe(before);
  });

  it('answers 404 for an unknown organization, 401 anonymous, 403 without accounts.write', async () => {
    expect((await admin.get('/api/v2/organizations/424242.json')).json().error).toBe('RecordNotFound');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v2/organizations.json' });
    expect(anonymous.statusCode).toBe(401);
    const tier1 = await zendeskClient(t, ['support_tier1']);
    expect((await tier1.get('/api/v2/organizations.json')).statusCode).toBe(200);
    const refused = await tier1.post('/api/v2/organizations', { organization: { name: 'Not Allowed' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('Forbidden');
  });
});
