/**
 * Reading a library spreadsheet's header row: which column holds which field, by the names
 * people give them (Loopio and Responsive exports, hand-made sheets). Pure functions.
 */

export const IMPORT_FIELDS = [
  'question',
  'variants',
  'shortAnswer',
  'longAnswer',
  'productArea',
  'tags',
  'ownerEmail',
  'reviewIntervalDays',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const NAMES: Record<ImportField, readonly string[]> = {
  question: ['question', 'questions', 'question text', 'primary question', 'main question'],
  variants: [
    'variants',
    'variant',
    'question variants',
    'alternate questions',
    'alternative questions',
    'other phrasings',
    'synonyms',
    'aliases',
  ],
  shortAnswer: ['short answer', 'yes no', 'yes no n a', 'y n', 'compliant', 'compliance', 'short response'],
  longAnswer: [
    'long answer',
    'answer',
    'answers',
    'detailed answer',
    'response',
    'long response',
    'details',
    'explanation',
    'comment',
    'comments',
  ],
  productArea: ['product area', 'area', 'product', 'category', 'section', 'domain'],
  tags: ['tags', 'tag', 'keywords', 'labels'],
  ownerEmail: ['owner e mail', 'owner email', 'owner', 'owner mail', 'email', 'e mail', 'subject matter expert', 'sme'],
  reviewIntervalDays: ['review interval days', 'review interval', 'review every days', 'review days'],
};

/** Extra variant columns: "Alternate question", "Alternate question 2", "Variant 3", "Alt question". */
const VARIANT_COLUMN = /^(alternate|alternative|alt|other|additional) question( \d+)?$|^variant \d+$|^question variant( \d+)?$/;

/** A header folded for comparison: lower case, punctuation as spaces ("Owner e-mail" → "owner e mail"). */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ColumnMap {
  /** Column index (0-based) per field; variant columns may be several. */
  single: Partial<Record<Exclude<ImportField, 'variants'>, number>>;
  variants: number[];
  /** Every header cell and what it was read as. */
  columns: { index: number; header: string; field: ImportField | null }[];
}

/** What the header row's cells mean; a name seen twice keeps its first column. */
export function mapColumns(headerCells: readonly string[]): ColumnMap {
  const single: ColumnMap['single'] = {};
  const variants: number[] = [];
  const columns: ColumnMap['columns'] = [];
  headerCells.forEach((header, index) => {
    const folded = foldHeader(header);
    let field: ImportField | null = null;
    if (folded) {
      if (VARIANT_COLUMN.test(folded)) field = 'variants';
      else field = IMPORT_FIELDS.find((f) => NAMES[f].includes(folded)) ?? null;
    }
    if (field === 'variants') variants.push(index);
    else if (field && single[field] === undefined) single[field] = index;
    else if (field) field = null;
    if (header.trim()) columns.push({ index, header: header.trim(), field });
  });
  return { single, variants, columns };
}

/** The spreadsheet letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The variants a cell lists: separated by semicolons or line breaks. */
export function splitVariants(cell: string): string[] {
  return cell
    .split(/[;\n\r]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The tags a cell lists: separated by commas, semicolons or line breaks. */
export function splitTags(cell: string): string[] {
  return cell
    .split(/[,;\n\r]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A short answer as written in a sheet, or `undefined` when it is none of Yes, No, N/A. */
export function parseShortAnswer(cell: string): 'yes' | 'no' | 'n_a' | null | undefined {
  const v = foldHeader(cell);
  if (!v) return null;
  if (['yes', 'y', 'true', '1', 'compliant', 'supported'].includes(v)) return 'yes';
  if (['no', 'n', 'false', '0', 'not compliant', 'non compliant', 'not supported'].includes(v)) return 'no';
  if (['n a', 'na', 'not applicable', 'n a not applicable'].includes(v)) return 'n_a';
  return undefined;
}
