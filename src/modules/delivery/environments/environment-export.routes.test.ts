import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('environments export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    for (const [version, releasedOn] of [
      ['5.1', '2025-06-01'],
      ['5.2', '2025-09-01'],
      ['5.3', '2025-12-01'],
    ]) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/releases',
        payload: { product: 'Outpost Server', version, releasedOn },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [name, segment] of [
      ['Umbrella', 'enterprise'],
      ['-Hooli', 'smb'],
    ] as const) {
      const account = await admin.request({ method: 'POST', url: '/api/accounts', payload: { name, domains: [], segment, arr: 1000 } });
      expect(account.statusCode, account.body).toBe(201);
      for (const [env, version, hosting] of [
        ['production', '5.1', 'on_premises'],
        ['staging', '5.3', 'cloud'],
      ]) {
        const res = await admin.request({
          method: 'POST',
          url: `/api/accounts/${account.json().id}/environments`,
          payload: { name: env, product: 'Outpost Server', version, hosting },
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the registry’s filtered environments, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/environments?hosting=on_premises&limit=200' });
    const shown = (list.json().items as { account: { name: string }; name: string }[]).map((e) => [e.account.name, e.name]);
    expect(shown).toHaveLength(2);
    const res = await reader.request({ method: 'GET', url: '/api/environments/export?hosting=on_premises&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 4)).toEqual(['Account', 'Environment', 'Product', 'Version']);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(shown.map(([account, name]) => [account === '-Hooli' ? "'-Hooli" : account, name]));
  });

  it('exports XLSX with versions behind as numbers', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/environments/export?segments=enterprise&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['Umbrella', 'production', 2],
      ['Umbrella', 'staging', 0],
    ]);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/environments/export?format=csv' })).statusCode).toBe(403);
  });
});
