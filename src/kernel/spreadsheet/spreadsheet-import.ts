import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { ChangeContext } from '../actor.js';
import { AppError } from '../errors.js';
import { columnName, resolveMapping, rowValues, type ColumnMapping, type ImportField } from './column-mapping.js';
import { columnLetter, readSpreadsheet, type Sheet, type Spreadsheet } from './read-spreadsheet.js';

/**
 * Spreadsheet import, the same for every kind of record (issue 18). A module describes a kind
 * (its fields, how a row becomes its create route's input, how one row is written with its own
 * services); this file reads the file, applies the mapping, previews every row and writes.
 *
 * Policy: the preview validates every row with the create route's rules. "Import" writes every
 * valid row in ONE transaction, or nothing at all in the "all or nothing" mode when any row is
 * bad; the rows not written come back with their row number, column and reason (the report).
 * A row a service refuses while writing (a race with someone else's edit) rolls the transaction
 * back; it is reported and the rest written again without it, so a file is never half-imported.
 */

export type ImportMode = 'valid_rows' | 'all_or_nothing';

export interface RowProblem {
  /** The field's key, or null when the row as a whole is refused (a duplicate of an earlier row). */
  field: string | null;
  message: string;
}

export interface PlannedRow<T> {
  row: number;
  values: Record<string, string>;
  /** What "Import" will do with the row; `invalid` rows are never written. */
  action: 'create' | 'update' | 'invalid';
  problems: RowProblem[];
  /** The input for the kind's write, when the row is valid. */
  input: T | null;
}

export interface ImportKind<T> {
  fields: ImportField[];
  /** The field a create route's body key is read from, where the two names differ (assigneeId ← assigneeEmail). */
  fieldOfPath?: Record<string, string>;
  /** Validates every row (lookups batched for the whole file) and decides create or update. */
  plan(db: Kysely<Database>, rows: { row: number; values: Record<string, string> }[]): Promise<PlannedRow<T>[]>;
  /** Writes one valid row through the module's own services, inside the import's transaction. */
  write(trx: Kysely<Database>, ctx: ChangeContext, row: PlannedRow<T> & { input: T }): Promise<void>;
}

export interface UploadedSpreadsheet {
  filename: string;
  content: Buffer;
}

interface Mapped<T> {
  file: Spreadsheet;
  sheet: Sheet;
  mapping: ColumnMapping;
  planned: PlannedRow<T>[];
}

async function mapAndPlan<T>(db: Kysely<Database>, kind: ImportKind<T>, upload: UploadedSpreadsheet, rawMapping: string | undefined) {
  const file = await readSpreadsheet(upload);
  const { mapping, sheet } = resolveMapping(rawMapping, file, kind.fields);
  const rows = sheet.rows.map((r) => ({ row: r.row, values: rowValues(r.cells, mapping) }));
  return { file, sheet, mapping, planned: await kind.plan(db, rows) } satisfies Mapped<T>;
}

const issue = (sheet: Sheet, mapping: ColumnMapping, row: number, p: RowProblem) => ({
  row,
  field: p.field,
  column: p.field ? columnName(sheet, mapping, p.field) : null,
  message: p.message,
});

/** Reads the file and shows what "Import" would do with every row; writes nothing. */
export async function previewSpreadsheetImport<T>(
  db: Kysely<Database>,
  kind: ImportKind<T>,
  upload: UploadedSpreadsheet,
  rawMapping: string | undefined,
) {
  const { file, sheet, mapping, planned } = await mapAndPlan(db, kind, upload, rawMapping);
  return {
    format: file.format,
    sheets: file.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: mapping.sheet,
    columns: sheet.header.map((header, index) => ({ index, letter: columnLetter(index), header })),
    fields: kind.fields.map(({ key, label, required }) => ({ key, label, required })),
    mapping: mapping.columns,
    rows: planned.map((p) => ({
      row: p.row,
      action: p.action,
      values: p.values,
      issues: p.problems.map((problem) => issue(sheet, mapping, p.row, problem)),
    })),
    counts: {
      rows: planned.length,
      create: planned.filter((p) => p.action === 'create').length,
      update: planned.filter((p) => p.action === 'update').length,
      invalid: planned.filter((p) => p.action === 'invalid').length,
    },
  };
}

/** Writes the file's valid rows in one transaction (or nothing, in `all_or_nothing`, when a row is bad) and reports the rest. */
export async function runSpreadsheetImport<T>(
  db: Kysely<Database>,
  ctx: ChangeContext,
  kind: ImportKind<T>,
  upload: UploadedSpreadsheet,
  rawMapping: string | undefined,
  mode: ImportMode,
) {
  const { sheet, mapping, planned } = await mapAndPlan(db, kind, upload, rawMapping);
  const rejected = planned.filter((p) => p.action === 'invalid').flatMap((p) => p.problems.map((pr) => issue(sheet, mapping, p.row, pr)));
  let valid = planned.filter((p): p is PlannedRow<T> & { input: T } => p.action !== 'invalid' && p.input !== null);
  if (mode === 'all_or_nothing' && rejected.length) valid = [];
  else {
    const refused = await commitRows(db, ctx, kind, valid, mode);
    for (const r of refused) rejected.push(issue(sheet, mapping, r.row.row, { field: r.field, message: r.message }));
    if (refused.length && mode === 'all_or_nothing') valid = [];
    else valid = valid.filter((v) => !refused.some((r) => r.row === v));
  }
  rejected.sort((a, b) => a.row - b.row);
  return {
    mode,
    written: valid.length > 0,
    counts: {
      rows: planned.length,
      created: valid.filter((v) => v.action === 'create').length,
      updated: valid.filter((v) => v.action === 'update').length,
      rejected: new Set(rejected.map((r) => r.row)).size,
    },
    rejected,
  };
}

/** How many times a refused row may restart the transaction before the import gives up on the rest. */
const MAX_RESTARTS = 20;

async function commitRows<T>(
  db: Kysely<Database>,
  ctx: ChangeContext,
  kind: ImportKind<T>,
  rows: (PlannedRow<T> & { input: T })[],
  mode: ImportMode,
): Promise<{ row: PlannedRow<T>; field: string | null; message: string }[]> {
  const refused: { row: PlannedRow<T>; field: string | null; message: string }[] = [];
  let pending = rows;
  for (let attempt = 0; pending.length > 0; attempt++) {
    let failing: { row: PlannedRow<T>; error: AppError } | null = null;
    try {
      await db.transaction().execute(async (trx) => {
        for (const row of pending) {
          try {
            await kind.write(trx, ctx, row);
          } catch (error) {
            // Only a refusal the catalogue names is a bad row; anything else is a fault and fails the request.
            if (error instanceof AppError) failing = { row, error };
            throw error;
          }
        }
      });
      return refused;
    } catch (error) {
      if (!failing) throw error;
      const { row, error: appError } = failing as { row: PlannedRow<T>; error: AppError };
      refused.push({ row, field: fieldOfPath(kind, appError.details.field), message: appError.message });
      if (mode === 'all_or_nothing') return refused;
      if (attempt >= MAX_RESTARTS) {
        for (const other of pending)
          if (other !== row)
            refused.push({
              row: other,
              field: null,
              message: 'Not written: the import stopped after repeated refusals; import the file again.',
            });
        return refused;
      }
      pending = pending.filter((p) => p !== row);
    }
  }
  return refused;
}

/** The import field a body key (of a zod issue or a service's refusal) names, or null for the row as a whole. */
export function fieldOfPath(kind: Pick<ImportKind<unknown>, 'fields' | 'fieldOfPath'>, path: unknown): string | null {
  if (typeof path !== 'string') return null;
  const key = kind.fieldOfPath?.[path] ?? path;
  return kind.fields.some((f) => f.key === key) ? key : null;
}

/** A create route's zod issues as row problems, each under the field its body key is read from. */
export function problemsFromZod(kind: Pick<ImportKind<unknown>, 'fields' | 'fieldOfPath'>, error: z.ZodError): RowProblem[] {
  return error.issues.map((i) => ({ field: fieldOfPath(kind, i.path[0]), message: i.message }));
}
