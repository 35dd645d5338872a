import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../test-solutions.js';
import { parseFit, parsePriority, planImport } from './import-plan.js';
import { readSpreadsheet, sniffDelimiter, type SheetGrid } from './sheet-grid.js';
import { columnLetter, detectHeaderRow, previewSpreadsheet, suggestMapping } from './sheet-preview.js';

const grid = (rows: string[][]): SheetGrid => ({
  name: 'Sheet',
  unreadRows: 0,
  rows: rows.map((r) => r.map((text) => (text ? { text, kind: 'value' as const } : { text: '', kind: 'empty' as const }))),
});
const mapping = { headerRow: 1, columns: { reference: 1, text: 2, priority: 3, fit: 4 }, defaultPriority: 'should' as const };

describe('reading priorities and fits as customers write them', () => {
  it('understands MoSCoW words, letters and common synonyms, and nothing else', () => {
    expect(['Must', 'M', 'mandatory', 'Must have', 'P1'].map(parsePriority)).toEqual(['must', 'must', 'must', 'must', 'must']);
    expect(['Should', 's', 'Important'].map(parsePriority)).toEqual(['should', 'should', 'should']);
    expect(['Could', 'nice to have', 'Optional'].map(parsePriority)).toEqual(['could', 'could', 'could']);
    expect(parsePriority('urgent-ish')).toBeNull();
    expect(['OOTB', 'Native', 'Configurable', 'Customization', 'Not supported', 'Future release', 'TBD'].map(parseFit)).toEqual([
      'native',
      'native',
      'configuration',
      'customisation',
      'gap',
      'roadmap',
      'unassessed',
    ]);
    expect(parseFit('kind of')).toBeNull();
  });
});

describe('planning an import', () => {
  it('imports rows with text and reports empty rows, missing text and duplicates with their row numbers', () => {
    const plan = planImport(
      grid([
        ['Ref', 'Requirement', 'Priority', 'Fit'],
        ['R-1', 'Single sign-on with SAML', 'Must', 'Native'],
        ['', '', '', ''],
        ['R-2', '', 'Must', ''],
        ['R-3', 'Audit log export', 'Could', 'Gap'],
        ['r-3 ', 'Audit log export again', '', ''],
        ['R-9', 'Already there', '', ''],
        ['', 'No reference is fine', 'sometimes', 'kind of'],
      ]),
      mapping,
      new Set(['r-9']),
    );
    expect(plan.requirements.map((r) => [r.row, r.reference, r.priority, r.fit])).toEqual([
      [2, 'R-1', 'must', 'native'],
      [5, 'R-3', 'could', 'gap'],
      [8, null, 'should', 'unassessed'],
    ]);
    expect(plan.report.rows.map((r) => [r.row, r.outcome, r.reason])).toEqual([
      [3, 'skipped', 'empty_row'],
      [4, 'skipped', 'missing_text'],
      [6, 'skipped', 'duplicate_in_file'],
      [7, 'skipped', 'duplicate_reference'],
      [8, 'imported', null],
    ]);
    expect(plan.report.rows[2]!.message).toContain('row 5');
    expect(plan.report.rows[4]!.warnings).toEqual(['priority_unrecognised', 'fit_unrecognised']);
    expect(plan.report).toMatchObject({ rowsRead: 7, imported: 3, skipped: 4 });
  });

  it('skips text that is too long with its reason instead of cutting it', () => {
    const plan = planImport(
      grid([
        ['Ref', 'Requirement'],
        ['R-1', 'x'.repeat(10_001)],
      ]),
      mapping,
      new Set(),
    );
    expect(plan.requirements).toEqual([]);
    expect(plan.report.rows[0]).toMatchObject({ row: 2, reason: 'text_too_long' });
  });

  it('does not report the formatted but empty rows after the last requirement', () => {
    const plan = planImport(
      grid([
        ['Ref', 'Requirement'],
        ['R-1', 'One'],
        ['', ''],
        ['', ''],
      ]),
      mapping,
      new Set(),
    );
    expect(plan.report.rows).toEqual([]);
    expect(plan.report.rowsRead).toBe(1);
  });
});

describe('reading real workbooks', () => {
  it('handles merged cells: headings across, sections down, text merged down once, the title above the header', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('RFP');
      ws.getCell('A1').value = 'ACME security RFP';
      ws.mergeCells('A1:E1');
      ws.addRow(['ID', 'Requirement', 'Category', 'Priority', 'Compliance']);
      ws.getCell('A3').value = '1. Identity';
      ws.mergeCells('A3:E3');
      ws.addRow(['R-1', 'SAML single sign-on', 'Access', 'Must', 'Yes']);
      ws.addRow(['R-2', 'SCIM provisioning', null, 'Should', 'Configurable']);
      ws.mergeCells('C4:C5');
      ws.addRow(['R-3', 'Keys held in a customer HSM', 'Crypto', 'Must', 'No']);
      ws.addRow([null, null, 'Crypto', 'Must', 'No']);
      ws.mergeCells('B6:B7');
    });
    const file = await readSpreadsheet({ filename: 'rfp.xlsx', content: bytes });
    const sheet = file.sheets[0]!;
    expect(detectHeaderRow(sheet)).toBe(2);
    const suggested = suggestMapping(sheet, 2);
    expect(suggested).toEqual({ reference: 1, text: 2, section: 3, priority: 4, fit: 5 });
    const plan = planImport(sheet, { headerRow: 2, columns: suggested as never, defaultPriority: 'should' }, new Set());
    expect(plan.requirements.map((r) => [r.row, r.reference, r.section, r.priority, r.fit])).toEqual([
      [4, 'R-1', 'Access', 'must', 'native'],
      [5, 'R-2', 'Access', 'should', 'configuration'],
      [6, 'R-3', 'Crypto', 'must', 'gap'],
    ]);
    expect(plan.report.rows.map((r) => [r.row, r.reason])).toEqual([
      [3, 'section_heading'],
      [7, 'merged_continuation'],
    ]);
    expect(plan.report.rows[1]!.message).toContain('row 6');
  });

  it('uses the section heading row for the rows below it when no section column is mapped', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('List');
      ws.addRow(['Ref', 'Requirement', 'Notes']);
      ws.addRow(['Reporting']);
      ws.mergeCells('A2:C2');
      ws.addRow(['R-10', 'Scheduled PDF reports', 'weekly']);
    });
    const sheet = (await readSpreadsheet({ filename: 'list.xlsx', content: bytes })).sheets[0]!;
    // The heading sits in the reference column's cell, merged across the text column.
    const plan = planImport(sheet, { headerRow: 1, columns: { reference: 1, text: 2, notes: 3 }, defaultPriority: 'must' }, new Set());
    expect(plan.requirements).toEqual([
      {
        row: 3,
        reference: 'R-10',
        text: 'Scheduled PDF reports',
        section: 'Reporting',
        priority: 'must',
        fit: 'unassessed',
        notes: 'weekly',
      },
    ]);
  });

  it('takes formulas’ computed values, and skips a text formula the workbook never calculated', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Calc');
      ws.addRow(['Ref', 'Requirement', 'Priority']);
      ws.addRow(['R-1', { formula: '"Encrypt "&"at rest"', result: 'Encrypt at rest' }, 'Must']);
      ws.addRow(['R-2', { formula: 'B2&" and in transit"' }, 'Must']);
      ws.addRow(['R-3', 'Rotate keys', { formula: 'C2', result: 'Must' }]);
      ws.addRow(['R-4', 'Region pinning', { error: '#N/A' }]);
    });
    const sheet = (await readSpreadsheet({ filename: 'calc.xlsx', content: bytes })).sheets[0]!;
    const plan = planImport(sheet, { headerRow: 1, columns: { reference: 1, text: 2, priority: 3 }, defaultPriority: 'should' }, new Set());
    expect(plan.requirements.map((r) => [r.reference, r.text, r.priority])).toEqual([
      ['R-1', 'Encrypt at rest', 'must'],
      ['R-3', 'Rotate keys', 'must'],
      ['R-4', 'Region pinning', 'should'],
    ]);
    expect(plan.report.rows.map((r) => [r.row, r.outcome, r.reason, r.warnings])).toEqual([
      [2, 'imported', null, ['formula_value']],
      [3, 'skipped', 'formula_without_value', []],
      [4, 'imported', null, ['formula_value']],
      [5, 'imported', null, ['cell_error']],
    ]);
  });

  it('previews every sheet, an empty one with no header and no rows', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Cover');
      const ws = wb.addWorksheet('Requirements');
      ws.addRow(['Req ID', 'Description']);
      for (let i = 1; i <= 12; i++) ws.addRow([`R-${i}`, `Requirement ${i}`]);
    });
    const preview = previewSpreadsheet(await readSpreadsheet({ filename: 'two.xlsx', content: bytes }));
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets[0]).toMatchObject({ name: 'Cover', headerRow: 0, dataRows: 0, preview: [], columns: [] });
    expect(preview.sheets[1]).toMatchObject({
      name: 'Requirements',
      headerRow: 1,
      dataRows: 12,
      suggestedMapping: { reference: 1, text: 2 },
    });
    expect(preview.sheets[1]!.preview).toHaveLength(8);
    expect(preview.sheets[1]!.columns.map((c) => `${c.letter}:${c.header}`)).toEqual(['A:Req ID', 'B:Description']);
  });

  it('reads CSV with a semicolon delimiter, a byte-order mark, Windows-1252 text and no NUL bytes', async () => {
    expect(sniffDelimiter('Ref;Requirement;"a;b"\n')).toBe(';');
    expect(sniffDelimiter('Ref\tText\n')).toBe('\t');
    const text = '\uFEFFRef;Requirement\nR-1;"Multi-line\ntext"\nR-2;Bad\u0000byte\n';
    const utf8 = (await readSpreadsheet({ filename: 'r.csv', content: Buffer.from(text) })).sheets[0]!;
    expect(utf8.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Ref', 'Requirement'],
      ['R-1', 'Multi-line\ntext'],
      ['R-2', 'Badbyte'],
    ]);
    const latin = (await readSpreadsheet({ filename: 'r.csv', content: Buffer.from('Ref,Requirement\nR-1,Caf\xe9 d\xe9cor\n', 'latin1') }))
      .sheets[0]!;
    expect(latin.rows[1]![1]!.text).toBe('Café décor');
  });

  it('refuses an old .xls workbook and a file that is no spreadsheet with messages a person can act on', async () => {
    await expect(readSpreadsheet({ filename: 'old.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) })).rejects.toMatchObject({
      code: 'requirements.import_old_excel',
    });
    await expect(readSpreadsheet({ filename: 'x.xlsx', content: Buffer.from('PK not really a zip') })).rejects.toMatchObject({
      code: 'requirements.import_file_unreadable',
    });
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
