import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../../../../../kernel/errors.js';

/**
 * An uploaded requirements file (XLSX or CSV) as grids of text cells, one per worksheet, with what
 * an import must know about each cell that its text alone does not say: whether it is part of a
 * merged range (and where the range starts), whether it is a formula (and whether the workbook
 * kept its computed value) or an error value. Rows and columns are 1-based, as a spreadsheet shows them.
 */

export interface GridCell {
  text: string;
  /** `formula`: text is the computed value; `formula_without_value`: a formula the workbook never computed. */
  kind: 'value' | 'empty' | 'formula' | 'formula_without_value' | 'error';
  /** Set on every cell of a merged range but its first: the range's first (master) cell. */
  mergedInto?: { row: number; column: number };
}

export interface SheetGrid {
  name: string;
  /** rows[r - 1][c - 1]; a missing cell is empty. */
  rows: GridCell[][];
  /** Rows past the ones read (a sheet longer than any import takes): the import refuses it, never cuts it. */
  unreadRows: number;
}

export interface SpreadsheetFile {
  format: 'csv' | 'xlsx';
  sheets: SheetGrid[];
}

/** Cells beyond these are not read: a requirements sheet is a few columns wide. */
export const MAX_COLUMNS = 200;
/** More rows than this (below the header) are refused with a message, not cut silently. */
export const MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const EMPTY: GridCell = { text: '', kind: 'empty' };

export function cellAt(sheet: SheetGrid, row: number, column: number): GridCell {
  return sheet.rows[row - 1]?.[column - 1] ?? EMPTY;
}

/** Text a database of either dialect can hold: no NUL or other control characters (tabs and line breaks stay). */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

export async function readSpreadsheet(file: { filename: string; content: Buffer }): Promise<SpreadsheetFile> {
  const zip = file.content.subarray(0, 2).toString('latin1') === 'PK';
  if (zip || /\.xlsx$/i.test(file.filename)) return { format: 'xlsx', sheets: await workbookGrids(file.content) };
  // An old binary workbook starts with the OLE2 signature D0 CF 11 E0.
  if (/\.xls$/i.test(file.filename) || file.content.subarray(0, 4).toString('hex') === 'd0cf11e0')
    throw errors.importOldExcel({ field: 'file' });
  return { format: 'csv', sheets: [csvGrid(file)] };
}

/** UTF-8 (with or without a byte-order mark); a file that is not UTF-8 is read as Windows-1252, as Excel writes CSV on Windows. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The delimiter the first line uses most, outside quotes: comma, semicolon (European Excel) or tab. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

function csvGrid(file: { filename: string; content: Buffer }): SheetGrid {
  const text = decode(file.content);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (e) {
    throw errors.importFileUnreadable({ field: 'file', reason: (e as Error).message });
  }
  return {
    name: file.filename.replace(/\.[^.]*$/, '') || 'CSV',
    unreadRows: 0,
    rows: records.map((r) =>
      r.slice(0, MAX_COLUMNS).map((value): GridCell => {
        const cleaned = cleanText(value);
        return cleaned.trim() ? { text: cleaned, kind: 'value' } : EMPTY;
      }),
    ),
  };
}

async function workbookGrids(content: Buffer): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw errors.importFileUnreadable({ field: 'file', reason: (e as Error).message });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: GridCell[][] = [];
    const last = Math.min(sheet.rowCount, MAX_ROWS + 1_000);
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const cells: GridCell[] = [];
      const width = Math.min(row.cellCount, MAX_COLUMNS);
      for (let c = 1; c <= width; c++) cells.push(gridCell(row.getCell(c), r, c));
      rows.push(cells);
    }
    return { name: sheet.name, rows, unreadRows: sheet.rowCount - last };
  });
}

function gridCell(cell: ExcelJS.Cell, row: number, column: number): GridCell {
  const master = cell.isMerged ? cell.master : null;
  if (master && (Number(master.row) !== row || Number(master.col) !== column)) {
    return { ...valueCell(master.value), mergedInto: { row: Number(master.row), column: Number(master.col) } };
  }
  return valueCell(cell.value);
}

function valueCell(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) return { text: '', kind: 'formula_without_value' };
      const computed = valueCell(result as ExcelJS.CellValue);
      return computed.kind === 'value' ? { text: computed.text, kind: 'formula' } : computed;
    }
    if ('error' in value) return { text: String(value.error), kind: 'error' };
  }
  const text = cleanText(plainText(value));
  return text.trim() ? { text, kind: 'value' } : EMPTY;
}

function plainText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return plainText(value.text as ExcelJS.CellValue); // a hyperlink
    return '';
  }
  return String(value);
}
