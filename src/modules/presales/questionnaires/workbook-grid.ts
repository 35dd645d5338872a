import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../../../kernel/errors.js';
import { parseRange, type CellRange } from './cell-address.js';

/**
 * An uploaded questionnaire file read into plain grids of text, one per sheet: what the mapping
 * screen previews and the import turns into questions. A CSV file is one sheet. Cells keep what
 * the import rules need: the text a person sees, whether it is a formula, whether it is bold, and
 * the merged ranges of the sheet.
 */

export interface GridCell {
  /** As displayed: a formula's cached result, a date as YYYY-MM-DD, rich text joined. */
  text: string;
  /** The formula (without "="), when the cell computes its value. */
  formula: string | null;
  bold: boolean;
}

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** Row number → column number → cell; only cells holding a value or a formula. */
  rows: Map<number, Map<number, GridCell>>;
  /** The last row and column holding anything. */
  rowCount: number;
  columnCount: number;
  merges: CellRange[];
}

export interface WorkbookGrid {
  format: 'xlsx' | 'csv';
  sheets: SheetGrid[];
  /** CSV only: how to write the file back the way it came. */
  csv?: CsvDialect;
}

export interface CsvDialect {
  delimiter: string;
  lineBreak: '\r\n' | '\n';
  bom: boolean;
}

/** Which of the two formats the bytes are: a zip package is a workbook, anything else is taken as CSV. */
export function fileFormatOf(bytes: Uint8Array, fileName: string): 'xlsx' | 'csv' {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  // The old binary .xls format (an OLE compound file): exceljs cannot read it.
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) || /\.xls$/i.test(fileName))
    throw errors.questionnaireFileUnreadable({
      field: 'file',
      reason: 'This is an old .xls workbook: open it in Excel, save it as .xlsx and upload that.',
    });
  if (/\.(xlsx|xlsm)$/i.test(fileName))
    throw errors.questionnaireFileUnreadable({ field: 'file', reason: 'The file is named .xlsx but is not a workbook.' });
  return 'csv';
}

export async function readWorkbookGrid(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  const format = fileFormatOf(bytes, fileName);
  const grid = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes, fileName);
  if (!grid.sheets.some((s) => s.rows.size > 0)) throw errors.questionnaireFileEmpty({ field: 'file' });
  return grid;
}

// ---------------------------------------------------------------- XLSX

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return textOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return String(value.error);
    if ('text' in value) return textOf(value.text as ExcelJS.CellValue);
    return '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const v = cell.value as { formula?: string; sharedFormula?: string };
  return cell.formula || v.formula || v.sharedFormula || '';
}

/** exceljs keeps a sheet's merged ranges by master cell; its public model rebuilds every row to list them. */
function mergesOf(sheet: ExcelJS.Worksheet): CellRange[] {
  const internal = (sheet as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (internal) return Object.values(internal).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
  return (sheet.model.merges ?? []).map((r) => parseRange(r)).filter((r): r is CellRange => r !== null);
}

async function readXlsx(bytes: Uint8Array): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw errors.questionnaireFileUnreadable({ field: 'file', reason: `The workbook cannot be opened (${(err as Error).message}).` });
  }
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    const rows = new Map<number, Map<number, GridCell>>();
    let rowCount = 0;
    let columnCount = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = new Map<number, GridCell>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged range's other cells repeat the master's value; the merge itself says they are covered.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const formula = formulaOf(cell);
        const text = textOf(cell.value).replace(/\r\n?/g, '\n');
        if (!text.trim() && formula === null) return;
        cells.set(col, { text, formula, bold: Boolean(cell.font?.bold) });
        if (col > columnCount) columnCount = col;
      });
      if (cells.size) {
        rows.set(rowNumber, cells);
        rowCount = rowNumber;
      }
    });
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible', rows, rowCount, columnCount, merges: mergesOf(ws) });
  }
  return { format: 'xlsx', sheets };
}

// ---------------------------------------------------------------- CSV

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page; read it as such rather than refusing it.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter the first line uses most: comma, semicolon (European Excel) or tab. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** The CSV's single sheet is named after the file. */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .trim();
  return (base || 'CSV').slice(0, 100);
}

export function readCsvRecords(bytes: Uint8Array): { records: string[][]; dialect: CsvDialect } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = decodeText(bom ? bytes.subarray(3) : bytes);
  if (text.includes('\u0000'))
    throw errors.questionnaireFileUnreadable({
      field: 'file',
      reason: 'The file holds binary data: it is neither a workbook nor CSV text.',
    });
  const dialect: CsvDialect = { delimiter: sniffDelimiter(text), lineBreak: /\r\n/.test(text) ? '\r\n' : '\n', bom };
  try {
    const records = parse(text, {
      delimiter: dialect.delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
    return { records, dialect };
  } catch (err) {
    throw errors.questionnaireFileUnreadable({ field: 'file', reason: `The CSV file cannot be read: ${(err as Error).message}` });
  }
}

function readCsv(bytes: Uint8Array, fileName: string): WorkbookGrid {
  const { records, dialect } = readCsvRecords(bytes);
  const rows = new Map<number, Map<number, GridCell>>();
  let rowCount = 0;
  let columnCount = 0;
  records.forEach((record, i) => {
    const cells = new Map<number, GridCell>();
    record.forEach((value, j) => {
      if (!value.trim()) return;
      cells.set(j + 1, { text: value.replace(/\r\n?/g, '\n'), formula: null, bold: false });
      if (j + 1 > columnCount) columnCount = j + 1;
    });
    if (cells.size) {
      rows.set(i + 1, cells);
      rowCount = i + 1;
    }
  });
  return {
    format: 'csv',
    sheets: [{ name: csvSheetName(fileName), hidden: false, rows, rowCount, columnCount, merges: [] }],
    csv: dialect,
  };
}
