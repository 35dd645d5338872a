import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ANSWER_FILL, HEADER_FILL, securityWorkbookBytes } from './test-workbooks.js';
import { patchSheetXml, patchWorkbook } from './workbook-patch.js';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of every sheet holding a value or a style: both, by "Sheet!A1". */
function cells(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // exceljs lists a row's blank unstyled cells up to its last one: they are not cells of the file.
        if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ value: cell.value, style: cell.style }));
      }),
    );
  return out;
}

/** The workbook's calculation properties element, as written, or null. */
const calcPr = (workbookXml: string) => /<(?:[\w.-]+:)?calcPr\b[^>]*>/.exec(workbookXml)?.[0] ?? null;

const WRITES = [
  { sheet: 'Access Control', cell: 'C4', value: 'Yes' },
  {
    sheet: 'Access Control',
    cell: 'D4',
    value: 'Enforced through the identity provider for every admin & "break-glass" account <always>.',
  },
  { sheet: 'Access Control', cell: 'C13', value: 'Yes' },
  { sheet: 'Data Protection', cell: 'C2', value: ' AES-256 (GCM)\nKeys rotate yearly ' },
  { sheet: 'Data Protection', cell: 'C5', value: 'Daily; restores tested quarterly' },
  // A cell that does not exist yet, in a row that does not exist either.
  { sheet: 'Data Protection', cell: 'D20', value: 'Added later' },
];

describe('writing answers into the customer’s workbook', () => {
  it('puts each answer in its cell and leaves every other cell, style, merge, formula and validation as it was', async () => {
    const original = await securityWorkbookBytes();
    const { bytes, written, refused } = await patchWorkbook(original, WRITES);
    expect(written).toBe(WRITES.length);
    expect(refused).toEqual([]);

    const before = await load(original);
    const after = await load(bytes);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    const ac = after.getWorksheet('Access Control')!;
    const dp = after.getWorksheet('Data Protection')!;
    expect(ac.getCell('C4').value).toBe('Yes');
    expect(ac.getCell('D4').value).toBe(WRITES[1]!.value);
    expect(dp.getCell('C2').value).toBe(' AES-256 (GCM)\nKeys rotate yearly ');
    expect(dp.getCell('D20').value).toBe('Added later');
    // The answer cells keep their fill and drop-down; the header keeps its look; formulas stay.
    expect(ac.getCell('C4').fill).toEqual(ANSWER_FILL);
    expect(ac.getCell('C4').dataValidation).toEqual({ type: 'list', allowBlank: true, formulae: ['"Yes,No,N/A"'] });
    expect(ac.getCell('B2').fill).toEqual(HEADER_FILL);
    expect(ac.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(ac.getCell('C16').formula).toBe('COUNTIF(C4:C14,"Yes")');
    expect(ac.getCell('D12').formula).toBe('IF(C12="Yes","See SOC 2 report","")');
    expect(ac.model.merges.sort()).toEqual(before.getWorksheet('Access Control')!.model.merges.sort());

    const targets = new Set(WRITES.map((w) => `${w.sheet}!${w.cell}`));
    const old = cells(before);
    const now = cells(after);
    for (const [address, value] of old) if (!targets.has(address)) expect(now.get(address), address).toBe(value);
    for (const address of now.keys()) if (!old.has(address)) expect(targets.has(address), `new cell ${address}`).toBe(true);
  });

  it('leaves every other part of the package byte for byte, workbook.xml and its calcPr included', async () => {
    const original = await securityWorkbookBytes();
    const { bytes } = await patchWorkbook(original, WRITES);
    const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(bytes)]);
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
    const changed: string[] = [];
    for (const name of Object.keys(a.files)) {
      if (a.files[name]!.dir) continue;
      const [x, y] = await Promise.all([a.file(name)!.async('nodebuffer'), b.file(name)!.async('nodebuffer')]);
      if (!x.equals(y)) changed.push(name);
    }
    expect(changed.sort()).toEqual(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    // The workbook has formulas (C16, D12): still no recalculation is forced on the customer's file.
    const [before, after] = await Promise.all([a.file('xl/workbook.xml')!.async('string'), b.file('xl/workbook.xml')!.async('string')]);
    expect(calcPr(after)).toBe(calcPr(before));
    expect(after).not.toContain('fullCalcOnLoad');
  });

  it('keeps a calcPr the customer set, or its absence, exactly as it was', async () => {
    for (const original of [
      '<calcPr calcId="191029" fullCalcOnLoad="1" calcMode="manual"/>',
      '<calcPr calcId="191029" calcMode="manual" fullCalcOnLoad="0"/>',
      null,
    ]) {
      const zip = await JSZip.loadAsync(await securityWorkbookBytes());
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      const edited = xml.replace(/<calcPr\b[^>]*\/>/, original ?? '');
      expect(calcPr(edited)).toBe(original);
      zip.file('xl/workbook.xml', edited);
      const input = await zip.generateAsync({ type: 'nodebuffer' });
      const { bytes, written } = await patchWorkbook(input, WRITES);
      expect(written).toBe(WRITES.length);
      const out = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
      expect(out).toBe(edited);
    }
  });

  it('never overwrites a formula, and reports a sheet the workbook does not have', async () => {
    const { bytes, refused, written } = await patchWorkbook(await securityWorkbookBytes(), [
      { sheet: 'Access Control', cell: 'C16', value: 'Yes' },
      { sheet: 'Nope', cell: 'A1', value: 'x' },
      { sheet: 'Access Control', cell: 'C5', value: 'No' },
    ]);
    expect(written).toBe(1);
    expect(refused).toEqual([
      { sheet: 'Access Control', cell: 'C16', reason: 'the cell holds a formula' },
      { sheet: 'Nope', cell: 'A1', reason: 'the workbook has no such sheet' },
    ]);
    const ws = (await load(bytes)).getWorksheet('Access Control')!;
    expect(ws.getCell('C16').formula).toBe('COUNTIF(C4:C14,"Yes")');
    expect(ws.getCell('C5').value).toBe('No');
  });
});

describe('patching a sheet’s XML', () => {
  it('handles prefixed elements, rows and cells without r, and keeps cells in column order', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="3" max="3" style="7"/></x:cols>' +
      '<x:sheetData><x:row r="2" spans="1:1"><x:c r="A2" t="s"><x:v>0</x:v></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c><x:c s="4"/></x:row></x:sheetData></x:worksheet>';
    const { xml: out, refused } = patchSheetXml(
      xml,
      new Map([
        ['C2', 'Yes'],
        ['B3', 'a\u0001b'],
        ['A1', 'first'],
      ]),
    );
    expect(refused).toEqual([]);
    expect(out).toContain('<x:row r="1" spans="1:1"><x:c r="A1" t="inlineStr"><x:is><x:t>first</x:t></x:is></x:c></x:row>');
    // Row 2 gets C2 after A2, styled like its column, and its spans widen.
    expect(out).toContain(
      '<x:row r="2" spans="1:3"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" s="7" t="inlineStr"><x:is><x:t>Yes</x:t></x:is></x:c></x:row>',
    );
    // The row without r is row 3; its second cell (B3, no r either) keeps its style and gets the text, control character dropped.
    expect(out).toContain('<x:row><x:c><x:v>1</x:v></x:c><x:c s="4" r="B3" t="inlineStr"><x:is><x:t>ab</x:t></x:is></x:c></x:row>');
  });

  it('fills an empty sheet', () => {
    const { xml } = patchSheetXml('<worksheet><sheetData/></worksheet>', new Map([['B2', 'x < y']]));
    expect(xml).toBe(
      '<worksheet><sheetData><row r="2" spans="2:2"><c r="B2" t="inlineStr"><is><t>x &lt; y</t></is></c></row></sheetData></worksheet>',
    );
  });
});
