import type { SheetMapping, SheetPreview } from '../contract/questionnaires.js';
import { columnLetters, rangeText } from './cell-address.js';
import type { SheetGrid } from './workbook-grid.js';

/**
 * The mapping screen's starting point: a preview of each sheet's first rows and a guess at its
 * header row and columns, from the header texts questionnaires use ("Question", "Yes/No",
 * "Response", "Comments", "Category", "ID"). The user confirms or changes every choice.
 */

export const PREVIEW_ROWS = 30;
const PREVIEW_COLUMNS = 30;
const PREVIEW_CELL_CHARS = 300;
/** The header is looked for in the first rows only: a title block seldom runs longer. */
const HEADER_SEARCH_ROWS = 20;

type Role = 'reference' | 'section' | 'question' | 'shortAnswer' | 'answer' | 'comment';

// Tried in this order: "Question ID" is a reference before it is a question, "Response comments" a
// comment before it is an answer, "Response (Yes/No)" a short answer before it is an answer.
const HEADER_PATTERNS: [Role, RegExp][] = [
  [
    'reference',
    /^(#|no\.?|nr\.?|id|ref\.?|reference|s\/?n|number|item\s*(#|no\.?|id)?|(question|control|req(uirement)?)\s*(#|no\.?|id|number|ref\.?))$/i,
  ],
  ['shortAnswer', /yes\s*\/\s*no|\by\s*\/\s*n\b|complian(ce|t)|\bcomply\b|^status$|^(answer|response)\s*\((yes|y)\b/i],
  ['comment', /\b(comments?|notes?|remarks?|additional|evidence|clarifications?|supporting)\b/i],
  ['section', /\b(section|category|categories|domain|area|topic|group|chapter|family|heading)\b/i],
  ['question', /\b(questions?|requirements?|controls?|descriptions?|criteria|criterion|query|queries)\b/i],
  ['answer', /\b(answers?|responses?|reply|replies|vendor|supplier|details?|explanation|justification)\b/i],
];

function roleOf(header: string): Role | null {
  const text = header.trim();
  if (!text || text.length > 80) return null;
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(text)) return role;
  return null;
}

const blankMapping = (sheet: string): SheetMapping => ({
  sheet,
  skip: true,
  headerRow: 0,
  questionColumn: null,
  referenceColumn: null,
  sectionColumn: null,
  shortAnswerColumn: null,
  answerColumn: null,
  commentColumn: null,
});

/** The average text length of a column over the given rows, and how many of them hold text. */
function columnTexts(grid: SheetGrid, column: number, rows: number[]) {
  let total = 0;
  let filled = 0;
  for (const r of rows) {
    const text = grid.rows.get(r)?.get(column)?.text.trim() ?? '';
    if (text) {
      total += text.length;
      filled++;
    }
  }
  return { average: filled ? total / filled : 0, filled };
}

function dataRowsAfter(grid: SheetGrid, headerRow: number, limit = 200): number[] {
  const rows = [...grid.rows.keys()].filter((r) => r > headerRow).sort((a, b) => a - b);
  return rows.slice(0, limit);
}

/** The column holding the longest texts: questions are sentences, the rest are ids, words and blanks. */
function longestTextColumn(grid: SheetGrid, rows: number[], exclude: Set<number>): number | null {
  let best: { column: number; average: number } | null = null;
  for (let c = 1; c <= grid.columnCount; c++) {
    if (exclude.has(c)) continue;
    const { average, filled } = columnTexts(grid, c, rows);
    if (filled >= 3 && average >= 15 && (!best || average > best.average)) best = { column: c, average };
  }
  return best?.column ?? null;
}

/** The first column right of the question column that the data rows leave mostly blank: where answers go. */
function blankColumnRightOf(grid: SheetGrid, column: number, rows: number[], exclude: Set<number>): number {
  for (let c = column + 1; c <= Math.max(grid.columnCount + 1, column + 1); c++) {
    if (exclude.has(c)) continue;
    const { filled } = columnTexts(grid, c, rows);
    if (filled <= rows.length * 0.2) return c;
  }
  return Math.max(grid.columnCount, column) + 1;
}

export function guessMapping(grid: SheetGrid): { guess: SheetMapping; note: string | null } {
  const none = blankMapping(grid.name);
  if (grid.rows.size === 0) return { guess: none, note: 'The sheet is empty.' };

  let header: { row: number; roles: Map<Role, number> } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, grid.rowCount); r++) {
    const cells = grid.rows.get(r);
    if (!cells) continue;
    const roles = new Map<Role, number>();
    for (const [c, cell] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
      const role = cell.formula === null ? roleOf(cell.text) : null;
      if (role && !roles.has(role)) roles.set(role, c);
    }
    if (roles.size >= 2 && (roles.has('question') || roles.has('answer') || roles.has('shortAnswer'))) {
      header = { row: r, roles };
      break;
    }
  }

  const headerRow = header?.row ?? 0;
  const rows = dataRowsAfter(grid, headerRow);
  if (rows.length === 0) return { guess: { ...none, headerRow }, note: 'Nothing below the header row.' };
  const taken = new Set(header ? header.roles.values() : []);
  let question = header?.roles.get('question') ?? null;
  if (question === null) {
    // A header without a "question" heading: the unclaimed column with the longest texts.
    question = longestTextColumn(grid, rows, taken);
  }
  if (question === null)
    return {
      guess: { ...none, headerRow },
      note: header
        ? 'No column of questions under the header row: the sheet is left out unless you choose one.'
        : 'No header row and no column of sentences: the sheet looks like instructions or a cover page and is left out unless you map it.',
    };
  taken.add(question);
  const roles = header?.roles ?? new Map<Role, number>();
  let answer = roles.get('answer') ?? null;
  const shortAnswer = roles.get('shortAnswer') ?? null;
  if (answer === null && shortAnswer === null) answer = blankColumnRightOf(grid, question, rows, taken);
  const letter = (c: number | null | undefined) => (c ? columnLetters(c) : null);
  return {
    guess: {
      sheet: grid.name,
      skip: false,
      headerRow,
      questionColumn: letter(question),
      referenceColumn: letter(roles.get('reference')),
      sectionColumn: letter(roles.get('section')),
      shortAnswerColumn: letter(shortAnswer),
      answerColumn: letter(answer),
      commentColumn: letter(roles.get('comment')),
    },
    note: header ? null : 'No header row found: the questions are taken to be the column with the longest texts.',
  };
}

export function previewSheet(grid: SheetGrid): SheetPreview {
  const { guess, note } = guessMapping(grid);
  const width = Math.min(Math.max(grid.columnCount, 1), PREVIEW_COLUMNS);
  const columns = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const last = Math.min(grid.rowCount, PREVIEW_ROWS);
  const rows = [];
  for (let r = 1; r <= last; r++) {
    const cells = grid.rows.get(r);
    rows.push({
      row: r,
      cells: columns.map((_, i) => {
        const cell = cells?.get(i + 1);
        if (!cell) return '';
        const text = cell.formula !== null && !cell.text ? `=${cell.formula}` : cell.text;
        return text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS)}…` : text;
      }),
    });
  }
  return {
    name: grid.name,
    hidden: grid.hidden,
    rowCount: grid.rowCount,
    columnCount: grid.columnCount,
    columns,
    rows,
    merges: grid.merges.filter((m) => m.top <= last && m.left <= width).map(rangeText),
    guess,
    guessNote: note,
  };
}
