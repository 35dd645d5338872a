import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

async function readSheet(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe.each(testDialects())('ticket queue export on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Société Générale Ölwerke', domains: ['oelwerke.example'], segment: 'enterprise', arr: 50000 },
    });
    expect(account.statusCode, account.body).toBe(201);
    const subjects = [
      '=HYPERLINK("http://evil.example","click")',
      'Nightly export times out',
      '@SUM(A1) in the report',
      'Café menu broken',
    ];
    for (const [i, subject] of subjects.entries()) {
      const res = await agent.request({
        method: 'POST',
        url: '/api/tickets',
        payload: { subject, description: 'Details.', requesterEmail: `user${i}@oelwerke.example`, requesterName: 'Zoë Keller' },
      });
      expect(res.statusCode, res.body).toBe(201);
      if (i % 2 === 1) {
        const solved = await agent.request({ method: 'PATCH', url: `/api/tickets/${res.json().id}`, payload: { status: 'pending' } });
        expect(solved.statusCode, solved.body).toBe(200);
      }
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered queue the list shows, as CSV with a BOM and formulas neutralised', async () => {
    const list = await agent.request({ method: 'GET', url: '/api/tickets?status=new&limit=200' });
    const shown = (list.json().items as { number: number; subject: string }[]).map((x) => x.subject);
    expect(shown).toHaveLength(2);

    const res = await agent.request({ method: 'GET', url: '/api/tickets/export?status=new&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(res.body.replace(/^\uFEFF/, '')) as string[][];
    expect(header?.slice(0, 3)).toEqual(['Number', 'Subject', 'Status']);
    expect(rows.map((r) => r[1])).toEqual(shown.map((s) => (/^[=@]/.test(s) ? `'${s}` : s)));
    expect(rows.map((r) => r[2])).toEqual(['new', 'new']);
    expect(rows[0]?.[5]).toBe('Société Générale Ölwerke');
  });

  it('exports XLSX an Excel library reads back: typed cells, bold frozen header, the pending tickets only', async () => {
    const res = await agent.request({ method: 'GET', url: '/api/tickets/export?status=pending&format=xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="tickets-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { sheet, rows } = await readSheet(res.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Number', 'Subject', 'Status']);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['Café menu broken', 'Nightly export times out']);
    expect(typeof rows[1]?.[0]).toBe('number');
    expect(rows[1]?.[13]).toBeInstanceOf(Date);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a member without tickets.read, and a missing or unknown format', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/tickets/export?format=csv' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: '/api/tickets/export' })).statusCode).toBe(400);
    expect((await agent.request({ method: 'GET', url: '/api/tickets/export?format=pdf' })).statusCode).toBe(400);
  });
});
