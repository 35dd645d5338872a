import { z } from 'zod';
import { errors } from '../errors.js';
import { columnLetter, type Sheet, type Spreadsheet } from './read-spreadsheet.js';

/** A field a kind of record takes from a spreadsheet column, and the header names that suggest it. */
export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  /** Header names people use for it (compared without case, spaces or punctuation). */
  headers: string[];
}

/** Which sheet, and for each field the 0-based column it is read from (null: not imported). */
export interface ColumnMapping {
  sheet: number;
  columns: Record<string, number | null>;
}

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Each field's column by its header name: the field's label or a synonym, the first column that matches. */
export function suggestMapping(header: string[], fields: ImportField[]): Record<string, number | null> {
  const names = header.map(normal);
  const taken = new Set<number>();
  const columns: Record<string, number | null> = {};
  for (const field of fields) {
    const wanted = new Set([field.label, field.key, ...field.headers].map(normal));
    const index = names.findIndex((name, i) => !taken.has(i) && wanted.has(name));
    columns[field.key] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return columns;
}

const mappingJson = z.strictObject({
  sheet: z.number().int().min(0).default(0),
  columns: z.record(z.string(), z.number().int().min(0).nullable()),
});

/**
 * The mapping a request sent (JSON in the multipart field "mapping"), checked against the file:
 * a known sheet, known fields, existing columns, each column used once and every required field
 * mapped. Without one, the first sheet with rows and the suggested columns; with a sheet and no
 * columns, that sheet's suggested columns.
 */
export function resolveMapping(
  raw: string | undefined,
  file: Spreadsheet,
  fields: ImportField[],
): { mapping: ColumnMapping; sheet: Sheet } {
  if (raw === undefined || raw === '') {
    const index = Math.max(
      0,
      file.sheets.findIndex((s) => s.rows.length > 0),
    );
    const sheet = file.sheets[index];
    if (!sheet || sheet.header.length === 0) throw errors.spreadsheetSheetEmpty({ field: 'file' });
    return { mapping: { sheet: index, columns: suggestMapping(sheet.header, fields) }, sheet };
  }
  let parsed: z.infer<typeof mappingJson>;
  try {
    parsed = mappingJson.parse(JSON.parse(raw));
  } catch {
    throw errors.spreadsheetMappingInvalid('mapping', 'send it as JSON such as {"sheet": 0, "columns": {"name": 0}}.');
  }
  const sheet = file.sheets[parsed.sheet];
  if (!sheet) throw errors.spreadsheetMappingInvalid('mapping', `The file has no sheet ${parsed.sheet + 1}.`);
  if (sheet.header.length === 0) throw errors.spreadsheetSheetEmpty({ field: 'mapping' });
  // Another sheet picked without columns: its own are suggested.
  if (Object.keys(parsed.columns).length === 0)
    return { mapping: { sheet: parsed.sheet, columns: suggestMapping(sheet.header, fields) }, sheet };
  const known = new Set(fields.map((f) => f.key));
  const unknown = Object.keys(parsed.columns).find((k) => !known.has(k));
  if (unknown) throw errors.spreadsheetMappingInvalid('mapping', `There is no field "${unknown}".`);
  const columns: Record<string, number | null> = {};
  const used = new Map<number, string>();
  for (const field of fields) {
    const index = parsed.columns[field.key] ?? null;
    if (index !== null && index >= sheet.header.length)
      throw errors.spreadsheetMappingInvalid('mapping', `${field.label}: the sheet has no column ${columnLetter(index)}.`);
    if (index !== null && used.has(index))
      throw errors.spreadsheetMappingInvalid(
        'mapping',
        `Column ${columnLetter(index)} is mapped to both ${used.get(index)} and ${field.label}.`,
      );
    if (index === null && field.required) throw errors.spreadsheetMappingInvalid('mapping', `Pick the column that holds ${field.label}.`);
    if (index !== null) used.set(index, field.label);
    columns[field.key] = index;
  }
  return { mapping: { sheet: parsed.sheet, columns }, sheet };
}

/** The row's text for each mapped field ('' for an empty cell or an unmapped field). */
export function rowValues(cells: string[], mapping: ColumnMapping): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, index] of Object.entries(mapping.columns)) values[key] = index === null ? '' : (cells[index] ?? '').trim();
  return values;
}

/** How a report names a field's column: its letter and header, e.g. `E (Renewal date)`. */
export function columnName(sheet: Sheet, mapping: ColumnMapping, field: string): string | null {
  const index = mapping.columns[field];
  if (index === null || index === undefined) return null;
  const header = sheet.header[index];
  return header ? `${columnLetter(index)} (${header})` : columnLetter(index);
}
