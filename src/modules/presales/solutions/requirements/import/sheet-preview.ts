import type { ImportField, ImportPreview } from '../../../contract/solutions.js';
import { cellAt, type SheetGrid, type SpreadsheetFile } from './sheet-grid.js';

/**
 * What the column-mapping step shows for each sheet: the header row it found, the columns with
 * their headers, how many rows hold data, the first rows, and a mapping guessed from the headers.
 */

const PREVIEW_ROWS = 8;
/** Header words per field, tried in this order; a column goes to the first field it matches. */
const HEADER_PATTERNS: [ImportField, RegExp][] = [
  ['reference', /^(req(uirement)?[\s._-]*)?(id|ref(erence)?|no\.?|number|#|nr\.?|key)$/i],
  ['priority', /priority|moscow|importance|mandatory|criticality|must.?should/i],
  ['fit', /\bfit\b|compliance|comply|compliant|response|availability|supported|\bstatus\b|coverage/i],
  ['section', /section|category|\barea\b|module|group|domain|topic|chapter|theme/i],
  ['notes', /note|comment|remark|explanation|clarification/i],
  ['text', /requirement|description|question|\btext\b|need|capability|feature|specification|criteria|item/i],
];

/** Letters of a column, as a spreadsheet names it: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Cells of a row holding text of their own (a merged range counts once). */
function ownCells(sheet: SheetGrid, row: number): number {
  return (sheet.rows[row - 1] ?? []).filter((c) => c.kind !== 'empty' && !c.mergedInto).length;
}

/** A row with nothing of its own: every cell empty, or the continuation of a range merged from above. */
export function isBlankRow(sheet: SheetGrid, row: number): boolean {
  return (sheet.rows[row - 1] ?? []).every((c) => c.kind === 'empty' || (c.mergedInto !== undefined && c.mergedInto.row !== row));
}

/** The last row that holds anything (0 for an empty sheet). */
export function lastFilledRow(sheet: SheetGrid): number {
  for (let r = sheet.rows.length; r > 0; r--) if (!isBlankRow(sheet, r)) return r;
  return 0;
}

/**
 * The header row: within the first 30 rows, the first with two or more cells of their own (a title
 * merged across the top does not count), else the first row holding anything; 0 when the sheet is empty.
 */
export function detectHeaderRow(sheet: SheetGrid): number {
  const limit = Math.min(lastFilledRow(sheet), 30);
  for (let r = 1; r <= limit; r++) if (ownCells(sheet, r) >= 2) return r;
  for (let r = 1; r <= limit; r++) if (!isBlankRow(sheet, r)) return r;
  return 0;
}

function width(sheet: SheetGrid): number {
  return sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/** Each field's column, guessed from the header texts; the text column falls back to the one with the longest entries. */
export function suggestMapping(sheet: SheetGrid, headerRow: number): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const columns = width(sheet);
  const taken = new Set<number>();
  for (const [field, pattern] of HEADER_PATTERNS) {
    for (let c = 1; c <= columns; c++) {
      const header = headerRow ? cellAt(sheet, headerRow, c).text.trim() : '';
      if (!taken.has(c) && header && pattern.test(header)) {
        mapping[field] = c;
        taken.add(c);
        break;
      }
    }
  }
  if (!mapping.text) {
    let best = 0;
    let bestLength = 0;
    const last = Math.min(lastFilledRow(sheet), headerRow + 50);
    for (let c = 1; c <= columns; c++) {
      if (taken.has(c)) continue;
      let length = 0;
      for (let r = headerRow + 1; r <= last; r++) length += cellAt(sheet, r, c).text.length;
      if (length > bestLength) [best, bestLength] = [c, length];
    }
    if (best) mapping.text = best;
  }
  return mapping;
}

export function previewSpreadsheet(file: SpreadsheetFile): ImportPreview {
  return {
    format: file.format,
    sheets: file.sheets.map((sheet) => {
      const headerRow = detectHeaderRow(sheet);
      const columns = width(sheet);
      const last = lastFilledRow(sheet) + sheet.unreadRows;
      const preview: { row: number; cells: string[] }[] = [];
      let dataRows = 0;
      for (let r = headerRow + 1; r <= Math.min(last, sheet.rows.length); r++) {
        if (isBlankRow(sheet, r)) continue;
        dataRows += 1;
        if (preview.length < PREVIEW_ROWS)
          preview.push({ row: r, cells: Array.from({ length: columns }, (_, i) => cellAt(sheet, r, i + 1).text.slice(0, 300)) });
      }
      return {
        name: sheet.name,
        headerRow,
        columns: Array.from({ length: columns }, (_, i) => ({
          column: i + 1,
          letter: columnLetter(i + 1),
          header:
            (headerRow
              ? cellAt(sheet, headerRow, i + 1)
                  .text.trim()
                  .slice(0, 200)
              : '') || `Column ${columnLetter(i + 1)}`,
        })),
        dataRows: dataRows + sheet.unreadRows,
        preview,
        suggestedMapping: headerRow ? suggestMapping(sheet, headerRow) : {},
      };
    }),
  };
}
