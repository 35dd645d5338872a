import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('knowledge base export on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await signInAs(t, ['support_tier1']);
    const articles = [
      { title: '=Reset SSO', status: 'published', visibility: 'public', tags: ['sso'] },
      { title: 'Rotate API keys', status: 'published', visibility: 'internal', tags: ['api'] },
      { title: 'Draft: exports', status: 'draft', visibility: 'internal' },
    ];
    for (const a of articles) {
      const res = await agent.request({ method: 'POST', url: '/api/articles', payload: { ...a, body: 'Steps.' } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered articles the list shows, as CSV with formulas neutralised', async () => {
    const list = await agent.request({ method: 'GET', url: '/api/articles?status=published&limit=200' });
    const titles = (list.json().items as { title: string }[]).map((a) => (a.title.startsWith('=') ? `'${a.title}` : a.title));
    expect(titles).toHaveLength(2);
    const res = await agent.request({ method: 'GET', url: '/api/articles/export?status=published&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res);
    expect(header?.slice(0, 3)).toEqual(['Title', 'Status', 'Visibility']);
    expect(rows.map((r) => r[0])).toEqual(titles);
  });

  it('exports XLSX with counts as numbers', async () => {
    const res = await agent.request({ method: 'GET', url: '/api/articles/export?tag=api&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[6]])).toEqual([['Rotate API keys', 'api', 0]]);
  });

  it('refuses a member without tickets.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/articles/export?format=csv' })).statusCode).toBe(403);
  });
});
