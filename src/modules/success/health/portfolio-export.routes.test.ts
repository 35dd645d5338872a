import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';
import { refreshHealth } from './health-refresh.js';

describe.each(testDialects())('health portfolio export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    for (const [name, segment] of [
      ['=Acme Health', 'smb'],
      ['Beta Health', 'enterprise'],
    ]) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name, domains: [], segment, arr: 5000, lifecycleStage: 'adoption', renewalDate: '2027-09-30' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await refreshHealth(t.db.kysely, new Date());
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered portfolio the list shows, in CSV and XLSX', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/health/portfolio?segment=smb&limit=200' });
    expect(list.statusCode, list.body).toBe(200);
    const names = (list.json().items as { account: { name: string } }[]).map((r) => r.account.name);
    expect(names).toEqual(['=Acme Health']);
    const [header, ...rows] = csvRows(await reader.request({ method: 'GET', url: '/api/health/portfolio/export?segment=smb&format=csv' }));
    expect(header?.slice(0, 4)).toEqual(['Account', 'Segment', 'ARR', 'Score']);
    expect(rows.map((r) => r[0])).toEqual(["'=Acme Health"]);
    const { rows: sheet } = await xlsxRows(await reader.request({ method: 'GET', url: '/api/health/portfolio/export?q=Beta&format=xlsx' }));
    expect(sheet.slice(1).map((r) => [r[0], r[2], r[8]])).toEqual([['Beta Health', 5000, new Date('2027-09-30T00:00:00Z')]]);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/health/portfolio/export?format=csv' })).statusCode).toBe(403);
  });
});
