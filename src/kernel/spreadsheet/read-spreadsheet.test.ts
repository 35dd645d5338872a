import { describe, expect, it } from 'vitest';
import { readAmount, readChoice, readDate, readDateTime, readList } from './cell-values.js';
import { resolveMapping, suggestMapping, type ImportField } from './column-mapping.js';
import { columnLetter, readSpreadsheet, SPREADSHEET_LIMITS } from './read-spreadsheet.js';
import { workbookOf } from './test-spreadsheets.js';

const csv = (text: string | Buffer) =>
  readSpreadsheet({ filename: 'people.csv', content: Buffer.isBuffer(text) ? text : Buffer.from(text) });

describe('reading a CSV file as Excel and Google Sheets write it', () => {
  it('takes a byte-order mark, semicolons, quoted line breaks, and keeps the row numbers a person sees', async () => {
    const file = await csv('\uFEFFName;Notes\n\nAcme;"two\nlines"\nGlobex;x\n');
    const sheet = file.sheets[0]!;
    expect(sheet.header).toEqual(['Name', 'Notes']);
    expect(sheet.rows).toEqual([
      { row: 3, cells: ['Acme', 'two\nlines'] },
      { row: 4, cells: ['Globex', 'x'] },
    ]);
  });

  it('reads Windows-1252 text, drops NUL bytes and keeps a formula as text without running it', async () => {
    const latin = await csv(Buffer.from('Name,City\nCaf\xe9 Ltd,Z\xfcrich\n', 'latin1'));
    expect(latin.sheets[0]!.rows[0]!.cells).toEqual(['Café Ltd', 'Zürich']);
    const tricky = await csv('Name,Note\nEvil\u0000 Corp,"=cmd|\' /C calc\'!A0"\n');
    expect(tricky.sheets[0]!.rows[0]!.cells).toEqual(['Evil Corp', "=cmd|' /C calc'!A0"]);
  });

  it('refuses more rows than one import takes, and an old .xls workbook, with messages a person can act on', async () => {
    const many = 'Name\n' + Array.from({ length: SPREADSHEET_LIMITS.rows + 1 }, (_, i) => `Account ${i}`).join('\n');
    await expect(csv(many)).rejects.toMatchObject({ code: 'spreadsheet_import.too_many_rows', statusCode: 413 });
    await expect(readSpreadsheet({ filename: 'old.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) })).rejects.toMatchObject({
      code: 'spreadsheet_import.old_excel',
    });
    await expect(readSpreadsheet({ filename: 'x.xlsx', content: Buffer.from('PK not a zip') })).rejects.toMatchObject({
      code: 'spreadsheet_import.file_unreadable',
    });
  });
});

describe('reading an XLSX workbook', () => {
  it('gives formulas their saved results, dates as ISO, and skips empty rows', async () => {
    const bytes = await workbookOf([
      ['Name', 'ARR', 'Renewal date'],
      ['Acme', { formula: '1000*250', result: 250000 }, new Date(Date.UTC(2027, 2, 31))],
      [],
      ['Globex', { formula: 'B2', result: undefined } as never, null],
    ]);
    const sheet = (await readSpreadsheet({ filename: 'a.xlsx', content: bytes })).sheets[0]!;
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Acme', '250000', '2027-03-31'] },
      { row: 4, cells: ['Globex', ''] },
    ]);
  });
});

describe('values as people type them', () => {
  it('reads amounts, dates, lists and choices, and leaves what it cannot read for the route’s rule', () => {
    expect(['250000', '250,000', '$250,000.00', '€ 1.2M', '80k', 'lots'].map(readAmount)).toEqual([
      250000,
      250000,
      250000,
      1200000,
      80000,
      'lots',
    ]);
    expect(['2027-03-31', '31 Mar 2027', 'March 31, 2027', '2027-03-31T00:00:00Z', '03/04/2027'].map(readDate)).toEqual([
      '2027-03-31',
      '2027-03-31',
      '2027-03-31',
      '2027-03-31',
      '03/04/2027',
    ]);
    expect(readDateTime('2026-05-01 14:30')).toBe('2026-05-01T14:30:00Z');
    expect(readDateTime('2026-05-01T16:30:00+02:00')).toBe('2026-05-01T14:30:00Z');
    expect(readList('a, b; c | d')).toEqual(['a', 'b', 'c', 'd']);
    expect(readChoice('On hold', ['open', 'on_hold'] as const)).toBe('on_hold');
    expect(readChoice('Mid-market', ['smb', 'mid_market'] as const)).toBe('mid_market');
  });
});

describe('mapping columns to fields', () => {
  const fields: ImportField[] = [
    { key: 'name', label: 'Name', required: true, headers: ['company'] },
    { key: 'renewalDate', label: 'Renewal date', required: false, headers: [] },
  ];
  it('suggests columns by header name, without case or punctuation', () => {
    expect(suggestMapping(['Company', 'renewal_date', 'Other'], fields)).toEqual({ name: 0, renewalDate: 1 });
  });
  it('refuses a mapping without a required field, with a column twice or beyond the sheet', async () => {
    const file = await csv('Company,Renewal date\nAcme,2027-01-01\n');
    const bad = (columns: object) => () => resolveMapping(JSON.stringify({ sheet: 0, columns }), file, fields);
    expect(bad({ name: null })).toThrow(expect.objectContaining({ code: 'spreadsheet_import.mapping_invalid' }));
    expect(bad({ name: 0, renewalDate: 0 })).toThrow(/mapped to both/);
    expect(bad({ name: 5 })).toThrow(/no column F/);
    expect(resolveMapping(undefined, file, fields).mapping).toEqual({ sheet: 0, columns: { name: 0, renewalDate: 1 } });
    expect(columnLetter(27)).toBe('AB');
  });
});
