import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';

describe.each(testDialects())('audit log export on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: '@Risk Corp', domains: [], segment: 'smb', arr: 1 },
    });
    expect(account.statusCode, account.body).toBe(201);
    accountId = account.json().id;
    const renamed = await admin.request({ method: 'PATCH', url: `/api/accounts/${accountId}`, payload: { arr: 2 } });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered entries, newest first, in CSV and XLSX', async () => {
    const list = await admin.request({ method: 'GET', url: `/api/audit?recordId=${accountId}&limit=200` });
    const ids = (list.json().items as { id: number }[]).map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const csv = await admin.request({ method: 'GET', url: `/api/audit/export?recordId=${accountId}&format=csv` });
    expect(csv.statusCode, csv.body).toBe(200);
    const [header, ...rows] = csvRows(csv);
    expect(header?.slice(0, 2)).toEqual(['Id', 'At']);
    expect(rows.map((r) => Number(r[0]))).toEqual(ids);
    const xlsx = await xlsxRows(await admin.request({ method: 'GET', url: `/api/audit/export?recordId=${accountId}&format=xlsx` }));
    expect(xlsx.rows.slice(1).map((r) => r[0])).toEqual(ids);
    expect(xlsx.rows[1]?.[1]).toBeInstanceOf(Date);
  });

  it('refuses a member without audit.read', async () => {
    const agent = await signInAs(t, ['support_tier1']);
    expect((await agent.request({ method: 'GET', url: '/api/audit/export?format=csv' })).statusCode).toBe(403);
  });
});
