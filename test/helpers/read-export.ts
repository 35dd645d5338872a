import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';

/** A CSV export's rows (header first), read as a spreadsheet user would: BOM dropped, quotes undone. */
export function csvRows(res: LightMyRequestResponse): string[][] {
  return parse(res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
}

/** An XLSX export read back with ExcelJS: the first sheet's rows (header first) as typed cell values. */
export async function xlsxRows(res: LightMyRequestResponse): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}
