import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetRows } from './sheet-rows.js';

describe('usage file rows', () => {
  it('reads CSV with quoted fields, doubled quotes, CRLF and a byte-order mark, and skips blank lines', async () => {
    const content = Buffer.from('\uFEFFa,b,c\r\n"x, y","say ""hi""",\n\n1,2,3');
    expect(await sheetRows({ filename: 'usage.csv', content })).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
      ['1', '2', '3'],
    ]);
  });

  it("reads an Excel workbook's first sheet: dates as ISO timestamps, numbers as digits", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Usage');
    sheet.addRow(['eventId', 'account', 'feature', 'activeUsers', 'timestamp']);
    sheet.addRow(['e-1', 'acme.example', 'reports', 42, new Date('2026-11-30T09:00:00Z')]);
    sheet.addRow([]);
    sheet.addRow(['e-2', 'acme.example', { text: 'dashboards', hyperlink: 'https://x.example' }, 7, '2026-11-30T10:00:00Z']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await sheetRows({ filename: 'usage.xlsx', content })).toEqual([
      ['eventId', 'account', 'feature', 'activeUsers', 'timestamp'],
      ['e-1', 'acme.example', 'reports', '42', '2026-11-30T09:00:00.000Z'],
      ['e-2', 'acme.example', 'dashboards', '7', '2026-11-30T10:00:00Z'],
    ]);
  });

  it('refuses what it cannot read with a clear 4xx', async () => {
    await expect(sheetRows({ filename: 'old.xls', content: Buffer.from('x') })).rejects.toMatchObject({ statusCode: 400 });
    await expect(sheetRows({ filename: 'usage.xlsx', content: Buffer.from('PK not a zip') })).rejects.toMatchObject({ statusCode: 400 });
    await expect(sheetRows({ filename: 'usage.csv', content: Buffer.from([0xff, 0xfe, 0x00]) })).rejects.toMatchObject({ statusCode: 400 });
  });
});
