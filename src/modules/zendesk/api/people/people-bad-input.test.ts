import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';

/**
 * Every write route of /api/v2 users, organizations and groups refuses malformed JSON, a body that
 * is not Zendesk's envelope, wrong types, NUL bytes and huge bodies — in Zendesk's error shape —
 * and writes nothing (no row, no audit entry). The shared bad-input suite checks Outpost's own
 * error shape, so /api/v2 routes are checked here instead.
 */
interface Case {
  method: InjectOptions['method'];
  url: (ids: Ids) => string;
  valid: Record<string, unknown>;
  wrongType: { body: Record<string, unknown>; field: string };
  nul: Record<string, unknown>;
}
interface Ids {
  user: number;
  organization: number;
  group: number;
}

const CASES: Record<string, Case> = {
  'POST /users': {
    method: 'POST',
    url: () => '/api/v2/users.json',
    valid: { user: { name: 'Valid Person', email: 'valid@initech.com' } },
    wrongType: { body: { user: { name: 'X', email: 'x@initech.com', organization_id: { id: 1 } } }, field: 'organization_id' },
    nul: { user: { name: 'Bad\u0000Person', email: 'nul@initech.com' } },
  },
  'POST /users/create_or_update': {
    method: 'POST',
    url: () => '/api/v2/users/create_or_update.json',
    valid: { user: { name: 'Valid Person', email: 'valid2@initech.com' } },
    wrongType: { body: { user: { name: 'X', email: 'x@initech.com', suspended: 'yes' } }, field: 'suspended' },
    nul: { user: { name: 'Bad\u0000Person', email: 'nul2@initech.com' } },
  },
  'PUT /users/:id': {
    method: 'PUT',
    url: (ids) => `/api/v2/users/${ids.user}.json`,
    valid: { user: { name: 'Renamed' } },
    wrongType: { body: { user: { phone: 5551234 } }, field: 'phone' },
    nul: { user: { name: 'Bad\u0000Name' } },
  },
  'POST /organizations': {
    method: 'POST',
    url: () => '/api/v2/organizations.json',
    valid: { organization: { name: 'Valid Org' } },
    wrongType: { body: { organization: { name: 'X Org', domain_names: 'x.com' } }, field: 'domain_names' },
    nul: { organization: { name: 'Bad\u0000Org' } },
  },
  'PUT /organizations/:id': {
    method: 'PUT',
    url: (ids) => `/api/v2/organizations/${ids.organization}.json`,
    valid: { organization: { notes: 'fine' } },
    wrongType: { body: { organization: { notes: ['a'] } }, field: 'notes' },
    nul: { organization: { notes: 'bad\u0000notes' } },
  },
  'POST /groups': {
    method: 'POST',
    url: () => '/api/v2/groups.json',
    valid: { group: { name: 'Valid Group' } },
    wrongType: { body: { group: { name: 42 } }, field: 'name' },
    nul: { group: { name: 'Bad\u0000Group' } },
  },
  'PUT /groups/:id': {
    method: 'PUT',
    url: (ids) => `/api/v2/groups/${ids.group}.json`,
    valid: { group: { name: 'Valid Rename' } },
    wrongType: { body: { group: { name: false } }, field: 'name' },
    nul: { group: { name: 'Bad\u0000Rename' } },
  },
};

describe.each(testDialects())('bad input to /api/v2 people write routes on %s', (dialect) => {
  let t: TestApp;
  let admin: ZendeskClient;
  let ids: Ids;

  const counts = async () => {
    const db = t.db.kysely;
    const n = async (table: 'audit_log' | 'accounts' | 'contacts' | 'members' | 'ticket_groups' | 'import_external_ids') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      audit: await n('audit_log'),
      accounts: await n('accounts'),
      contacts: await n('contacts'),
      members: await n('members'),
      groups: await n('ticket_groups'),
      externalIds: await n('import_external_ids'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await zendeskClient(t, ['admin']);
    const org = await admin.post('/api/v2/organizations', { organization: { name: 'Initech', domain_names: ['initech.com'] } });
    const user = await admin.post('/api/v2/users', { user: { name: 'Bill', email: 'bill@initech.com' } });
    const group = await admin.post('/api/v2/groups', { group: { name: 'Support' } });
    ids = { organization: org.json().organization.id, user: user.json().user.id, group: group.json().group.id };
  });
  afterAll(async () => t.close());

  it.each(Object.keys(CASES))('%s refuses bad bodies in Zendesk’s shape and writes nothing', async (route) => {
    const spec = CASES[route]!;
    const url = spec.url(ids);
    const json = { 'content-type': 'application/json' };
    const before = await counts();

    const malformed = await admin.request({ method: spec.method, url, headers: json, payload: '{"user": {"name": "A",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('InvalidJSON');

    const notEnvelope = await admin.request({ method: spec.method, url, headers: json, payload: '[1, 2, 3]' });
    expect(notEnvelope.statusCode).toBe(422);
    expect(notEnvelope.json().error).toBe('RecordInvalid');

    const unknownTop = await admin.request({ method: spec.method, url, payload: { ...spec.valid, surpriseField: 1 } });
    expect(unknownTop.statusCode).toBe(422);
    expect(unknownTop.json().description).toBe('Record validation errors');

    const wrongType = await admin.request({ method: spec.method, url, payload: spec.wrongType.body });
    expect(wrongType.statusCode, wrongType.body).toBe(422);
    expect(wrongType.json().details).toHaveProperty(spec.wrongType.field);

    const nul = await admin.request({ method: spec.method, url, payload: spec.nul });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect(typeof nul.json().error).toBe('string');

    const huge = await admin.request({
      method: spec.method,
      url,
      headers: json,
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(typeof huge.json().error).toBe('string');

    expect(await counts()).toEqual(before);
  });

  it.each(Object.keys(CASES).filter((r) => r.includes(':id')))(
    '%s answers 404 RecordNotFound for an unknown id, writing nothing',
    async (route) => {
      const spec = CASES[route]!;
      const before = await counts();
      const res = await admin.request({
        method: spec.method,
        url: spec.url({ user: 9_999_999, organization: 9_999_999, group: 9_999_999 }),
        payload: spec.valid,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('RecordNotFound');
      expect(await counts()).toEqual(before);
    },
  );

  it('answers a write without credentials 401 in Zendesk’s shape, writing nothing', async () => {
    const before = await counts();
    for (const spec of Object.values(CASES)) {
      const res = await t.app.inject({ method: spec.method, url: spec.url(ids), payload: spec.valid });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(expect.objectContaining({ error: "Couldn't authenticate you" }));
    }
    expect(await counts()).toEqual(before);
  });
});
