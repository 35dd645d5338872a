import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnKind, ExportValue } from './export-columns.js';

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };
/** Column widths in characters: wide enough for the header and most values, never a screen wide. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** The rows a column's width is measured on: enough to be representative, cheap on a long list. */
const WIDTH_SAMPLE = 500;

/** A cell typed for Excel: dates as dates (UTC, as the API gives them), numbers as numbers. */
function xlsxCell(value: ExportValue, kind: ColumnKind): string | number | boolean | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if ((kind === 'date' || kind === 'datetime') && typeof value === 'string') {
    const date = new Date(kind === 'date' ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function widthOf(header: string, kind: ColumnKind, rows: ExportValue[][], index: number): number {
  if (kind === 'date') return Math.max(header.length + 2, 12);
  if (kind === 'datetime') return Math.max(header.length + 2, 17);
  let longest = header.length;
  for (const row of rows.slice(0, WIDTH_SAMPLE)) longest = Math.max(longest, String(row[index] ?? '').length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * The rows as an XLSX stream (ExcelJS's streaming writer: each row is committed as it is written,
 * not held in a workbook model): one sheet, the header row bold and frozen, columns sized to their
 * contents. Cells are typed values, never formulas, so text needs no neutralising here.
 */
export function xlsxStream(sheetName: string, headers: string[], kinds: ColumnKind[], rows: ExportValue[][]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => {
    const kind = kinds[i] ?? 'text';
    const numFmt = NUMBER_FORMATS[kind];
    return { header, width: widthOf(header, kind, rows, i), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    for (const row of rows) sheet.addRow(row.map((value, i) => xlsxCell(value, kinds[i] ?? 'text'))).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
