import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('feedback items export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Vandelay', domains: [], segment: 'enterprise', arr: 1000 },
    });
    expect(account.statusCode, account.body).toBe(201);
    const items = [
      { title: 'SSO via Okta', quote: '=cmd|"/c calc"!A1', impact: 'blocker' },
      { title: 'Dark mode', quote: 'Nice for late shifts — s’il vous plaît', impact: 'nice_to_have' },
      { title: 'Audit export', quote: 'Our auditors need it', impact: 'blocker' },
    ];
    for (const item of items) {
      const res = await admin.request({ method: 'POST', url: '/api/feedback-items', payload: { ...item, accountId: account.json().id } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered items, newest first, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/feedback-items?impact=blocker&limit=200' });
    const titles = (list.json().items as { title: string }[]).map((i) => i.title);
    expect(titles.sort()).toEqual(['Audit export', 'SSO via Okta']);
    const res = await reader.request({ method: 'GET', url: '/api/feedback-items/export?impact=blocker&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 3)).toEqual(['Title', 'Quote', 'Account']);
    expect(rows.map((r) => r[0])).toEqual((list.json().items as { title: string }[]).map((i) => i.title));
    expect(rows.find((r) => r[0] === 'SSO via Okta')?.[1]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('exports XLSX an Excel library reads back', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/feedback-items/export?impact=nice_to_have&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[10]])).toEqual([['Dark mode', 'Nice for late shifts — s’il vous plaît', 0]]);
    expect(rows[1]?.[12]).toBeInstanceOf(Date);
  });

  it('refuses a member without feedback.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/feedback-items/export?format=csv' })).statusCode).toBe(403);
  });
});
