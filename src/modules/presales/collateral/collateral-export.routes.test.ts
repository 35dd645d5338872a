import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { csvRows, xlsxRows } from '../../../../test/helpers/read-export.js';
import { pdfBytes } from './test-files.js';

/** A collateral upload as the browser sends it: the metadata as JSON and one file. */
async function upload(who: SignedIn, metadata: Record<string, unknown>) {
  const boundary = `----outpost${Math.random().toString(16).slice(2)}`;
  const file = await pdfBytes(String(metadata.title));
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brief.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return who.request({
    method: 'POST',
    url: '/api/collateral',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe.each(testDialects())('collateral export on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const se = await signInAs(t, ['sales_engineer']);
    reader = await signInAs(t, ['stakeholder']);
    for (const item of [
      { title: '+Security whitepaper', kind: 'whitepaper', tags: ['security'] },
      { title: 'Pricing one-pager', kind: 'datasheet', tags: ['pricing'] },
    ]) {
      const res = await upload(se, item);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('exports exactly the filtered library, as CSV with formulas neutralised and XLSX read back', async () => {
    const csv = await reader.request({ method: 'GET', url: '/api/collateral/export?kind=whitepaper&format=csv' });
    expect(csv.statusCode, csv.body).toBe(200);
    const [header, ...rows] = csvRows(csv);
    expect(header?.slice(0, 2)).toEqual(['Title', 'Kind']);
    expect(rows.map((r) => [r[0], r[8]])).toEqual([["'+Security whitepaper", 'brief.pdf']]);
    const { rows: sheet } = await xlsxRows(await reader.request({ method: 'GET', url: '/api/collateral/export?tag=pricing&format=xlsx' }));
    expect(sheet.slice(1).map((r) => [r[0], r[9], r[10]])).toEqual([['Pricing one-pager', 1, 0]]);
  });

  it('refuses a member without accounts.read', async () => {
    const nobody = await signInAs(t, []);
    expect((await nobody.request({ method: 'GET', url: '/api/collateral/export?format=csv' })).statusCode).toBe(403);
  });
});
