import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../../../kernel/errors.js';

/**
 * The rows of an uploaded usage file as text cells, whether it is CSV (UTF-8, with or without a
 * byte-order mark) or an Excel workbook (its first worksheet). Excel's dates become ISO timestamps
 * and its numbers plain digits, so both formats reach the intake as the same strings.
 */
export async function sheetRows(file: { filename: string; content: Buffer }): Promise<string[][]> {
  const zip = file.content.subarray(0, 2).toString('latin1') === 'PK';
  if (zip || /\.xlsx$/i.test(file.filename)) return workbookRows(file.content);
  if (/\.xls$/i.test(file.filename))
    throw errors.validation('Old .xls workbooks cannot be read: save the sheet as .xlsx or CSV and import that.', { field: 'file' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw errors.invalidUtf8({ location: 'file' });
  }
  try {
    return (
      parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][]
    ).filter((r) => r.some((f) => f.trim() !== ''));
  } catch (e) {
    throw errors.validation(`The CSV file cannot be read: ${(e as Error).message}`, { field: 'file' });
  }
}

async function workbookRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw errors.validation('The file is not a readable .xlsx workbook.', { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((f) => f.trim() !== '')) rows.push(cells);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // a formula: its cached result
    if ('text' in value) return String(value.text); // a hyperlink
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}
