import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../test/helpers/read-export.js';

describe.each(testDialects())('accounts export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    reader = await signInAs(t, ['stakeholder']);
    const accounts = [
      { name: '=HYPERLINK("http://evil.example")', segment: 'smb', arr: 1200, renewalDate: '2027-01-31' },
      { name: 'Brasserie Müller', segment: 'smb', arr: 9900, renewalDate: null },
      { name: 'Initech', segment: 'enterprise', arr: 120000, renewalDate: '2027-06-30' },
    ];
    for (const [i, a] of accounts.entries()) {
      const res = await admin.request({ method: 'POST', url: '/api/accounts', payload: { ...a, domains: [`export${i}.example`] } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered, sorted accounts the list shows, as CSV with formulas neutralised', async () => {
    const list = await reader.request({ method: 'GET', url: '/api/accounts?segment=smb&sort=arr&order=desc&limit=200' });
    const names = (list.json().items as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['Brasserie Müller', '=HYPERLINK("http://evil.example")']);

    const res = await reader.request({ method: 'GET', url: '/api/accounts/export?segment=smb&sort=arr&order=desc&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="accounts-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = csvRows(res);
    expect(header).toEqual([
      'Name',
      'Domains',
      'Segment',
      'Stage',
      'ARR',
      'Renewal',
      'Relationship',
      'Account manager',
      'Contacts',
      'Internal',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Brasserie Müller', `'=HYPERLINK("http://evil.example")`]);
    expect(rows[0]?.slice(2, 6)).toEqual(['smb', 'onboarding', '9900', '']);
  });

  it('exports XLSX with ARR as numbers and renewals as dates', async () => {
    const res = await reader.request({ method: 'GET', url: '/api/accounts/export?q=init&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe('Initech');
    expect(rows[1]?.[4]).toBe(120000);
    expect(rows[1]?.[5]).toEqual(new Date('2027-06-30T00:00:00Z'));
    expect(rows[1]?.[9]).toBe(false);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/accounts/export?format=csv' })).statusCode).toBe(403);
  });
});
