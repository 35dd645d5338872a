import { stringify } from 'csv-stringify/sync';
import { parseCellAddress } from './cell-address.js';
import { readCsvRecords } from './workbook-grid.js';

/** Text a spreadsheet would run as a formula (= + - @, or a leading tab/CR) is quoted with ' (CSV injection). */
export function safeCsvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The customer's CSV file with the answers in their mapped cells: same rows, same columns, same
 * delimiter, line breaks and byte-order mark; only the target fields change. The text is written
 * as UTF-8 (a file that came in the Windows code page goes back as UTF-8).
 */
export function patchCsv(original: Uint8Array, writes: readonly { cell: string; value: string }[]): Buffer {
  const { records, dialect } = readCsvRecords(original);
  for (const w of writes) {
    const at = parseCellAddress(w.cell);
    if (!at) continue;
    while (records.length < at.row) records.push([]);
    const record = records[at.row - 1]!;
    while (record.length < at.column) record.push('');
    record[at.column - 1] = safeCsvText(w.value);
  }
  const text = stringify(records, { delimiter: dialect.delimiter, record_delimiter: dialect.lineBreak === '\r\n' ? 'windows' : 'unix' });
  return Buffer.concat([dialect.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export const QUESTION_CSV_COLUMNS = [
  'sheet',
  'row',
  'reference',
  'section',
  'question',
  'short answer',
  'answer',
  'comment',
  'status',
  'source',
  'approved by',
  'approved at',
] as const;

/** One row per question, for a reader without the workbook (or to paste into a portal). UTF-8 with BOM so Excel reads accents. */
export function questionsCsv(rows: readonly (readonly (string | number | null)[])[]): Buffer {
  const text = stringify(
    rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? v : safeCsvText(v)))),
    { header: true, columns: [...QUESTION_CSV_COLUMNS], record_delimiter: 'windows' },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
