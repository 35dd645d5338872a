import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { expectError } from '../../../test/factories/index.js';

describe.each(testDialects())('account tags and notes on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => t.close());

  it('keeps tags and notes through create, read and update, and filters the list by tag', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        name: 'Vandelay Industries',
        segment: 'mid_market',
        tags: ['Importer', 'latex', 'latex'],
        notes: 'Prefers calls on Fridays.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ tags: ['importer', 'latex'], notes: 'Prefers calls on Fridays.' });
    const other = await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'Kramerica', segment: 'smb' } });
    expect(other.json()).toMatchObject({ tags: [], notes: null });

    const id = created.json().id;
    const updated = await admin.request({ method: 'PATCH', url: `/api/accounts/${id}`, payload: { tags: ['exporter'], notes: '' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ tags: ['exporter'], notes: null });

    const tagged = (await admin.request({ method: 'GET', url: '/api/accounts?tag=exporter' })).json().items;
    expect(tagged.map((a: { name: string; tags: string[] }) => [a.name, a.tags])).toEqual([['Vandelay Industries', ['exporter']]]);
    expect((await admin.request({ method: 'GET', url: '/api/accounts?tag=latex' })).json().items).toEqual([]);
    expectError(await admin.request({ method: 'PATCH', url: `/api/accounts/${id}`, payload: { tags: ['two words'] } }), 400);
  });

  it('finds an account by a tag or a word of its notes', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Pendant Publishing', segment: 'smb', tags: ['quarterly-sync'], notes: 'Their editor Lippman owns the renewal.' },
    });
    const id = created.json().id;
    for (const q of ['quarterly-sync', 'Lippman']) {
      const hits = (await admin.request({ method: 'GET', url: `/api/search?q=${q}&types=account` })).json().items;
      expect(
        hits.map((h: { id: string }) => h.id),
        q,
      ).toContain(id);
    }
  });
});
