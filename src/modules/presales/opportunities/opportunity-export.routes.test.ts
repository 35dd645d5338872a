import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('opportunities export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Stark Industries', domains: [], segment: 'strategic', arr: 1000 },
    });
    expect(account.statusCode, account.body).toBe(201);
    const deals = [
      { name: '=Expansion 2027', stage: 'proposal', arr: 250000, closeDate: '2027-03-31' },
      { name: 'Pilot', stage: 'discovery', arr: 40000, closeDate: '2027-01-15' },
      { name: 'Renewal 2026', stage: 'closed_won', arr: 90000, closeDate: '2026-06-30' },
    ];
    for (const d of deals) {
      const res = await admin.request({ method: 'POST', url: '/api/opportunities', payload: { ...d, accountId: account.json().id } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered, sorted deals, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/opportunities?open=true&sort=arr&limit=200' });
    expect((list.json().items as { name: string }[]).map((o) => o.name)).toEqual(['=Expansion 2027', 'Pilot']);
    const res = await reader.request({ method: 'GET', url: '/api/opportunities/export?open=true&sort=arr&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 5)).toEqual(['Name', 'Account', 'Stage', 'Open', 'ARR']);
    expect(rows.map((r) => [r[0], r[4]])).toEqual([
      ["'=Expansion 2027", '250000'],
      ['Pilot', '40000'],
    ]);
  });

  it('exports XLSX with ARR as numbers and close dates as dates', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/opportunities/export?open=false&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([['Renewal 2026', false, 90000, new Date('2026-06-30T00:00:00Z')]]);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/opportunities/export?format=csv' })).statusCode).toBe(403);
  });
});
