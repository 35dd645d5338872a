import type {
  ImportReport,
  IMPORT_SKIP_REASONS,
  IMPORT_WARNINGS,
  RequirementFit,
  RequirementPriority,
} from '../../../contract/solutions.js';
import { referenceKey } from '../requirement-rows.js';
import { cellAt, type GridCell, type SheetGrid } from './sheet-grid.js';
import { columnLetter, isBlankRow, lastFilledRow } from './sheet-preview.js';

/**
 * Which rows of a mapped sheet become requirements, and why each other row does not: a pure
 * function of the sheet, the mapping and the references the deal already has, so every rule is
 * tested with plain values. Nothing is dropped silently: every skipped row is in the report with
 * its reason, and so is every imported row whose value was read with a caveat.
 *
 * Merged cells: a range merged across columns is one value for the row. A range merged down a
 * section, priority, fit or notes column applies to every row it spans (how sheets group rows);
 * one merged down the text or reference column is one requirement, imported from its first row.
 * A row whose text is merged across the columns and has no reference, priority or fit is a
 * section heading: it names the section of the rows below it (unless a section column says otherwise).
 */

export type SkipReason = (typeof IMPORT_SKIP_REASONS)[number];
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

export interface ImportColumns {
  text: number;
  reference?: number;
  section?: number;
  priority?: number;
  fit?: number;
  notes?: number;
}

export interface PlannedRequirement {
  row: number;
  reference: string | null;
  text: string;
  section: string | null;
  priority: RequirementPriority;
  fit: RequirementFit;
  notes: string | null;
}

export interface ImportPlan {
  requirements: PlannedRequirement[];
  report: Omit<ImportReport, 'gapsCaptured'>;
}

export const LIMITS = { text: 10_000, reference: 64, section: 200, notes: 10_000 } as const;

const PRIORITY_WORDS: [RegExp, RequirementPriority][] = [
  [/^(m|must( have)?|mandatory|required|essential|critical|high|1|p1|yes)$/i, 'must'],
  [/^(s|should( have)?|important|desired|medium|2|p2)$/i, 'should'],
  [/^(c|could( have)?|nice to have|nice-to-have|optional|desirable|low|3|p3|w|won'?t( have)?)$/i, 'could'],
];
const FIT_WORDS: [RegExp, RequirementFit][] = [
  [/^(native|standard|ootb|out of the box|out-of-the-box|fully supported|supported|yes|y|comply|compliant|full|f)$/i, 'native'],
  [/^(config(uration|urable)?|configured|partial(ly supported)?|p)$/i, 'configuration'],
  [/^(custom(i[sz]ation|i[sz]ed)?|development|custom development|bespoke|extension)$/i, 'customisation'],
  [/^(gap|not supported|unsupported|no|n|non[- ]?compliant|not available|missing)$/i, 'gap'],
  [/^(roadmap|future|planned|future release|on roadmap)$/i, 'roadmap'],
  [/^(unassessed|not assessed|tbd|tbc|\?|-|n\/a)$/i, 'unassessed'],
];

export function parsePriority(text: string): RequirementPriority | null {
  const t = text.trim();
  return PRIORITY_WORDS.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

export function parseFit(text: string): RequirementFit | null {
  const t = text.trim();
  return FIT_WORDS.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

const WARNING_TEXT: Record<ImportWarning, string> = {
  priority_unrecognised: 'priority not recognised (use Must, Should or Could), so the default was used',
  fit_unrecognised: 'fit not recognised (use Native, Configuration, Customisation, Gap or Roadmap), so it is not assessed',
  formula_value: 'a mapped cell is a formula: its computed value was imported',
  merged_value:
    'a mapped cell continues a range merged from a row above: the range’s value was used (a merged reference stays with its first row)',
  cell_error: 'a mapped cell holds an error value (such as #N/A): it was left empty',
  truncated: 'the section or notes were longer than allowed and were cut',
};

interface Read {
  text: string;
  cell: GridCell;
  /** The cell continues a range merged from an earlier row. */
  mergedFromAbove: boolean;
}

function read(sheet: SheetGrid, row: number, column: number | undefined): Read | null {
  if (!column) return null;
  const cell = cellAt(sheet, row, column);
  const mergedFromAbove = !!cell.mergedInto && cell.mergedInto.row !== row;
  return { text: cell.kind === 'error' ? '' : cell.text.trim(), cell, mergedFromAbove };
}

/** The first cell of the merged range a cell is in (the cell itself when it is not merged), as "row:column". */
function rangeOf(sheet: SheetGrid, row: number, column: number): string {
  const into = cellAt(sheet, row, column).mergedInto;
  return into ? `${into.row}:${into.column}` : `${row}:${column}`;
}

/** True when the cell spans more than one column of its row (a title or section heading). */
function mergedAcross(sheet: SheetGrid, row: number, column: number): boolean {
  const cell = cellAt(sheet, row, column);
  if (cell.mergedInto) return cell.mergedInto.row === row;
  const right = cellAt(sheet, row, column + 1).mergedInto;
  return !!right && right.row === row && right.column === column;
}

export function planImport(
  sheet: SheetGrid,
  mapping: { headerRow: number; columns: ImportColumns; defaultPriority: RequirementPriority },
  existingReferenceKeys: ReadonlySet<string>,
): ImportPlan {
  const { columns, headerRow } = mapping;
  const last = lastFilledRow(sheet);
  const requirements: PlannedRequirement[] = [];
  const rows: ImportReport['rows'] = [];
  const seen = new Map<string, number>();
  let currentSection: string | null = null;

  const skip = (row: number, reason: SkipReason, message: string, reference: string | null = null) =>
    rows.push({ row, outcome: 'skipped', reason, warnings: [], message, reference });

  for (let r = headerRow + 1; r <= last; r++) {
    if (isBlankRow(sheet, r)) {
      skip(r, 'empty_row', 'Empty row.');
      continue;
    }
    const warnings = new Set<ImportWarning>();
    const text = read(sheet, r, columns.text)!;
    // A column inside the text's own merged range (a heading across the row) holds no value of its own.
    const textRange = rangeOf(sheet, r, columns.text);
    const other = (column: number | undefined) => (column && rangeOf(sheet, r, column) === textRange ? null : read(sheet, r, column));
    const reference = other(columns.reference);
    const section = other(columns.section);
    const priority = other(columns.priority);
    const fit = other(columns.fit);
    const notes = other(columns.notes);
    const referenceText = reference && !reference.mergedFromAbove ? reference.text || null : null;

    if (text.mergedFromAbove) {
      const from = text.cell.mergedInto!.row;
      skip(r, 'merged_continuation', `The requirement text is a cell merged from row ${from}: imported once, with row ${from}.`);
      continue;
    }
    // A reference merged down over rows of their own text belongs to the first row only.
    if (reference?.mergedFromAbove && reference.text) warnings.add('merged_value');
    if (text.cell.kind === 'formula_without_value') {
      skip(
        r,
        'formula_without_value',
        `The text cell (${columnLetter(columns.text)}${r}) is a formula the workbook never calculated: open the file in Excel, save it and import again.`,
        referenceText,
      );
      continue;
    }
    if (!text.text) {
      const why = text.cell.kind === 'error' ? `holds an error value (${text.cell.text})` : 'is empty';
      skip(r, 'missing_text', `No requirement text: column ${columnLetter(columns.text)} ${why}.`, referenceText);
      continue;
    }
    if (!referenceText && !priority?.text && !fit?.text && mergedAcross(sheet, r, columns.text)) {
      currentSection = text.text.slice(0, LIMITS.section);
      skip(r, 'section_heading', `Section heading "${currentSection}": used as the section of the rows below it.`);
      continue;
    }
    if (text.text.length > LIMITS.text) {
      skip(r, 'text_too_long', `The requirement is ${text.text.length} characters long; at most ${LIMITS.text} fit.`, referenceText);
      continue;
    }
    if (referenceText && referenceText.length > LIMITS.reference) {
      skip(
        r,
        'reference_too_long',
        `The reference is longer than ${LIMITS.reference} characters.`,
        referenceText.slice(0, LIMITS.reference),
      );
      continue;
    }
    const key = referenceKey(referenceText);
    if (key && existingReferenceKeys.has(key)) {
      skip(
        r,
        'duplicate_reference',
        `The opportunity already has requirement ${referenceText}: the row was not imported again.`,
        referenceText,
      );
      continue;
    }
    if (key && seen.has(key)) {
      skip(r, 'duplicate_in_file', `Reference ${referenceText} already appears on row ${seen.get(key)} of this sheet.`, referenceText);
      continue;
    }
    if (key) seen.set(key, r);

    for (const read of [text, reference, section, priority, fit, notes]) {
      if (!read) continue;
      if (read.cell.kind === 'formula') warnings.add('formula_value');
      if (read.cell.kind === 'error') warnings.add('cell_error');
      if (read.mergedFromAbove && read !== section && read !== reference) warnings.add('merged_value');
    }
    let parsedPriority = mapping.defaultPriority;
    if (priority?.text) {
      const p = parsePriority(priority.text);
      if (p) parsedPriority = p;
      else warnings.add('priority_unrecognised');
    }
    let parsedFit: RequirementFit = 'unassessed';
    if (fit?.text) {
      const f = parseFit(fit.text);
      if (f) parsedFit = f;
      else warnings.add('fit_unrecognised');
    }
    const sectionText = section?.text || currentSection;
    const notesText = notes?.text || null;
    if ((sectionText?.length ?? 0) > LIMITS.section || (notesText?.length ?? 0) > LIMITS.notes) warnings.add('truncated');

    requirements.push({
      row: r,
      reference: referenceText,
      text: text.text,
      section: sectionText ? sectionText.slice(0, LIMITS.section) : null,
      priority: parsedPriority,
      fit: parsedFit,
      notes: notesText ? notesText.slice(0, LIMITS.notes) : null,
    });
    if (warnings.size) {
      const list = [...warnings];
      rows.push({
        row: r,
        outcome: 'imported',
        reason: null,
        warnings: list,
        message: `Imported; ${list.map((w) => WARNING_TEXT[w]).join('; ')}.`,
        reference: referenceText,
      });
    }
  }
  return {
    requirements,
    report: {
      sheet: sheet.name,
      rowsRead: Math.max(0, last - headerRow),
      imported: requirements.length,
      skipped: rows.filter((r) => r.outcome === 'skipped').length,
      rows,
    },
  };
}
