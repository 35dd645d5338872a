import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../errors.js';
import { cellText, cleanText } from './cell-text.js';

/**
 * An uploaded spreadsheet (XLSX or CSV) as plain text grids, one per worksheet: the first
 * non-empty row is the header, every later row keeps the row number a person sees in Excel, so a
 * report can say "row 7, column E". No formula is ever evaluated: an XLSX formula cell gives the
 * value Excel saved with it; a CSV cell starting with "=" is text like any other.
 */

export interface SheetRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  /** The column names (the first non-empty row); empty when the sheet is empty. */
  header: string[];
  headerRow: number;
  /** The rows below the header that hold at least one value. */
  rows: SheetRow[];
}

export interface Spreadsheet {
  format: 'csv' | 'xlsx';
  sheets: Sheet[];
}

export const SPREADSHEET_LIMITS = {
  /** The upload's size: a 5,000-row export of a help desk is well under 5 MiB. */
  bytes: 10 * 1024 * 1024,
  /** Rows below the header one import takes (each becomes a record in one transaction). */
  rows: 5_000,
  columns: 100,
} as const;

export async function readSpreadsheet(file: { filename: string; content: Buffer }): Promise<Spreadsheet> {
  const zip = file.content.subarray(0, 2).toString('latin1') === 'PK';
  if (zip || /\.xlsx$/i.test(file.filename)) return { format: 'xlsx', sheets: await workbookSheets(file.content) };
  // An old binary workbook starts with the OLE2 signature D0 CF 11 E0.
  if (/\.xls$/i.test(file.filename) || file.content.subarray(0, 4).toString('hex') === 'd0cf11e0')
    throw errors.spreadsheetOldExcel({ field: 'file' });
  return { format: 'csv', sheets: [csvSheet(file)] };
}

/** UTF-8 (with or without a byte-order mark); a file that is not valid UTF-8 is Windows-1252, as Excel on Windows saves CSV. */
export function decodeCsv(content: Buffer): string {
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

function csvSheet(file: { filename: string; content: Buffer }): Sheet {
  const text = decodeCsv(file.content);
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
    throw errors.spreadsheetUnreadable({ field: 'file', reason: (e as Error).message });
  }
  // csv-parse counts records, not lines: a quoted value with line breaks is one row, as in Excel.
  return toSheet(
    file.filename.replace(/\.[^.]*$/, '') || 'CSV',
    records.map((cells, i) => ({ row: i + 1, cells: cells.map(cleanText) })),
  );
}

async function workbookSheets(content: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw errors.spreadsheetUnreadable({ field: 'file', reason: (e as Error).message });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      const width = Math.min(row.cellCount, SPREADSHEET_LIMITS.columns);
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ row: r, cells });
    });
    return toSheet(sheet.name, rows);
  });
}

function toSheet(name: string, all: SheetRow[]): Sheet {
  const filled = all
    .map((r) => ({ row: r.row, cells: r.cells.slice(0, SPREADSHEET_LIMITS.columns).map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = filled;
  if (rows.length > SPREADSHEET_LIMITS.rows)
    throw errors.spreadsheetTooManyRows({ field: 'file', sheet: name, rows: rows.length, limit: SPREADSHEET_LIMITS.rows });
  return { name, header: header?.cells ?? [], headerRow: header?.row ?? 0, rows };
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
