import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../../../kernel/errors.js';

/** One row of an uploaded sheet: its number in the file (1-based, as a spreadsheet shows it) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface UploadedSheet {
  /** The worksheet read (XLSX), null for CSV. */
  name: string | null;
  /** Every row up to the last non-empty one, empty rows included (so the report can name them). */
  rows: SheetRow[];
}

/**
 * The sheets of an uploaded library file as text cells: an XLSX workbook (every worksheet, merged
 * cells read as their top-left value, formulas as their cached result, dates as ISO dates) or a
 * UTF-8 CSV file (with or without a byte-order mark, any line ending).
 */
export async function readUploadedSheets(file: { filename: string; content: Buffer }): Promise<UploadedSheet[]> {
  const zip = file.content.subarray(0, 2).toString('latin1') === 'PK';
  if (zip || /\.xlsx$/i.test(file.filename)) return workbookSheets(file.content);
  if (/\.xls$/i.test(file.filename)) throw errors.libraryImportUnreadable('old .xls workbooks are not supported (save it as .xlsx)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw errors.libraryImportUnreadable('the CSV file is not UTF-8 text');
  }
  if (text.includes('\u0000')) throw errors.libraryImportUnreadable('the file contains NUL bytes, so it is not a text CSV file');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (e) {
    throw errors.libraryImportUnreadable(`the CSV file is malformed (${(e as Error).message})`);
  }
  return [{ name: null, rows: trimTrailingEmpty(records.map((cells, i) => ({ row: i + 1, cells }))) }];
}

function trimTrailingEmpty(rows: SheetRow[]): SheetRow[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.cells.every((c) => c.trim() === '')) end--;
  return rows.slice(0, end);
}

async function workbookSheets(content: Buffer): Promise<UploadedSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw errors.libraryImportUnreadable('it is not a valid .xlsx workbook');
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    const last = sheet.actualRowCount ? (sheet.lastRow?.number ?? 0) : 0;
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        // A merged cell reads as the value of the range's top-left cell.
        cells.push(cellText(cell.isMerged ? cell.master.value : cell.value));
      }
      rows.push({ row: r, cells });
    }
    return { name: sheet.name, rows: trimTrailingEmpty(rows) };
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value) return '';
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // a formula: its cached result
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text); // a hyperlink
    return '';
  }
  return String(value);
}
