import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('engagements export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Globex', domains: ['globex.example'], segment: 'enterprise', arr: 1000 },
    });
    expect(account.statusCode, account.body).toBe(201);
    const engagements = [
      { name: '+Rollout phase 1', kind: 'implementation', startDate: '2026-03-02', targetGoLiveDate: '2026-05-01', budgetHours: 40 },
      { name: 'Onboarding Zürich', kind: 'onboarding', startDate: '2026-04-06', budgetHours: 12.5 },
      { name: 'Rollout phase 2', kind: 'implementation', startDate: '2026-06-01', budgetHours: 80 },
    ];
    for (const e of engagements) {
      const res = await admin.request({ method: 'POST', url: '/api/engagements', payload: { ...e, accountId: account.json().id } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the engagements of the filtered list, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/engagements?kind=implementation&limit=200' });
    const names = (list.json().items as { name: string }[]).map((e) => e.name);
    expect(names).toEqual(['Rollout phase 2', '+Rollout phase 1']);
    const res = await reader.request({ method: 'GET', url: '/api/engagements/export?kind=implementation&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 3)).toEqual(['Name', 'Account', 'Kind']);
    expect(rows.map((r) => r[0])).toEqual(['Rollout phase 2', "'+Rollout phase 1"]);
  });

  it('exports XLSX with dates as dates and hours as numbers', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/engagements/export?q=Zürich&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe('Onboarding Zürich');
    expect(rows[1]?.[6]).toEqual(new Date('2026-04-06T00:00:00Z'));
    expect(rows[1]?.[11]).toBe(12.5);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/engagements/export?format=csv' })).statusCode).toBe(403);
  });
});
