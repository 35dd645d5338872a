import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ColumnKind, ExportValue } from './export-columns.js';

/**
 * Text a spreadsheet would run as a formula (a leading = + - @, tab or carriage return) gets a
 * leading apostrophe: the OWASP advice against CSV injection. Numbers stay numbers (a negative
 * amount is not text a formula hides in).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: ExportValue, kind: ColumnKind): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return kind === 'text' ? neutraliseFormula(String(value)) : value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseFormula(value);
}

/**
 * The rows as a CSV stream: a header row, then one line per row. UTF-8 with a byte-order mark,
 * without which Excel reads the file as the system code page and garbles accents.
 */
export function csvStream(headers: string[], kinds: ColumnKind[], rows: ExportValue[][]): Readable {
  function* lines() {
    yield headers.map(neutraliseFormula);
    for (const row of rows) yield row.map((value, i) => csvCell(value, kinds[i] ?? 'text'));
  }
  // Piped from an object stream, so a slow client holds the writer back instead of the whole file
  // piling up in memory.
  return Readable.from(lines()).pipe(stringify({ bom: true }));
}
