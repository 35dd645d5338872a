import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('deal-support queue export on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    se = await signInAs(t, ['sales_engineer']);
    reader = await signInAs(t, ['stakeholder']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Wayne', domains: [], segment: 'enterprise', arr: 1 },
    });
    const deal = await admin.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId: account.json().id, name: 'Wayne — Platform', arr: 300000 },
    });
    expect(deal.statusCode, deal.body).toBe(201);
    const requests = [
      { kind: 'demo', title: '-Security demo', assigneeId: se.memberId, dueDate: '2027-02-01' },
      { kind: 'rfp', title: 'RFP answers', assigneeId: null, estimatedHours: 6.5 },
    ];
    for (const r of requests) {
      const res = await admin.request({ method: 'POST', url: `/api/opportunities/${deal.json().id}/deal-support`, payload: r });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered queue, the caller’s own "mine" included, with formulas neutralised', async () => {
    const mine = await se.request({ method: 'GET', url: '/api/deal-support/export?mine=true&format=csv' });
    expect(mine.statusCode, mine.body).toBe(200);
    const [header, ...rows] = csvRows(mine);
    expect(header?.slice(0, 4)).toEqual(['Title', 'Kind', 'Status', 'Opportunity']);
    expect(rows.map((r) => r[0])).toEqual(["'-Security demo"]);
    // Nothing is the stakeholder's own.
    expect(csvRows(await reader.request({ method: 'GET', url: '/api/deal-support/export?mine=true&format=csv' }))).toHaveLength(1);
  });

  it('exports XLSX with due dates as dates and hours as numbers', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/deal-support/export?assigneeId=none&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[10]])).toEqual([['RFP answers', 300000, 6.5]]);
    const dated = await xlsxRows(await reader.request({ method: 'GET', url: '/api/deal-support/export?kind=demo&format=xlsx' }));
    expect(dated.rows[1]?.[8]).toEqual(new Date('2027-02-01T00:00:00Z'));
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/deal-support/export?format=csv' })).statusCode).toBe(403);
  });
});
