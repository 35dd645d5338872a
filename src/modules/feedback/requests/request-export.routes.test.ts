import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('feature requests export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    const requests = [
      { title: '@mention teammates', status: 'planned', productArea: 'Collaboration' },
      { title: 'Bulk edit', status: 'under_review', productArea: 'Tickets' },
      { title: 'Offline mode', status: 'planned', productArea: 'Mobile' },
    ];
    for (const r of requests) {
      const res = await admin.request({ method: 'POST', url: '/api/feature-requests', payload: r });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered, ranked requests, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/feature-requests?status=planned&sort=title&limit=200' });
    expect(list.statusCode, list.body).toBe(200);
    const titles = (list.json().items as { title: string }[]).map((r) => r.title);
    expect(titles.sort()).toEqual(['@mention teammates', 'Offline mode']);
    const res = await reader.request({ method: 'GET', url: '/api/feature-requests/export?status=planned&sort=title&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 4)).toEqual(['Title', 'Status', 'Product area', 'Score']);
    expect(rows.map((r) => r[0])).toEqual(
      (list.json().items as { title: string }[]).map((r) => (r.title.startsWith('@') ? `'${r.title}` : r.title)),
    );
  });

  it('exports XLSX with the ranking figures as numbers', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/feature-requests/export?q=Bulk&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[6]])).toEqual([['Bulk edit', 'under_review', 0, 0]]);
  });

  it('refuses a member without feedback.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/feature-requests/export?format=csv' })).statusCode).toBe(403);
  });
});
