import type { ImportNoteCode, SheetMapping } from '../contract/questionnaires.js';
import { cellAddress, columnNumber, rangeText } from './cell-address.js';
import { MergeIndex, masterAddress } from './merge-index.js';
import type { GridCell, SheetGrid } from './workbook-grid.js';

/**
 * The import rules (pure): a mapped sheet's rows become questions, each keeping its sheet, row and
 * the cells its answer goes to; every row that does not become a question is reported with its
 * reason, never dropped in silence.
 *
 * Sections. With a section column mapped, a row's section is that column's text; a blank cell (or
 * one inside a merged block) carries the section from above. Without one, a row is a **section
 * heading** when its answer cells are blank and its text (in the question column, or the only text
 * of the row left of it) is either merged across other columns, or bold while the sheet's
 * questions are mostly not bold, shorter than 120 characters and not ending in "?". A heading names
 * the section of the questions below it until the next heading; questions above any heading are in
 * a section named after the sheet.
 *
 * Skipped rows (reported): rows above the header with text; empty rows between the header and the
 * last row; a repeat of the header row; rows with no text in the question column; a question cell
 * holding a formula (a computed text is not a question the customer asked); a summary row, whose
 * answer cells all hold formulas (a count of the Yes answers); a question cell merged
 * into the row above (the question was read once, from the merge's first row); questions longer than
 * 10,000 characters. Warnings on imported questions: an answer cell holding a formula or merged
 * into another row is not written by the export (the answer still goes to the CSV); an answer cell
 * that already holds text is kept as a draft answer.
 */

export const QUESTION_MAX_CHARS = 10_000;
const HEADING_MAX_CHARS = 120;

export interface ExtractedQuestion {
  sheet: string;
  row: number;
  reference: string | null;
  section: string;
  question: string;
  questionCell: string;
  shortAnswerCell: string | null;
  answerCell: string | null;
  commentCell: string | null;
  /** What the workbook already holds in the answer cells. */
  prefilled: { answerShort: string | null; answer: string | null; comment: string | null };
}

export interface RowNote {
  sheet: string;
  row: number;
  kind: 'skipped' | 'section' | 'warning';
  code: ImportNoteCode;
  message: string;
}

export interface SheetOutcome {
  questions: ExtractedQuestion[];
  notes: RowNote[];
  status: 'imported' | 'skipped' | 'no_questions';
  message: string;
}

const quote = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max)}…` : flat}”`;
};

type AnswerPart = 'shortAnswer' | 'answer' | 'comment';
const PART_LABEL: Record<AnswerPart, string> = { shortAnswer: 'short answer', answer: 'answer', comment: 'comment' };

export function extractSheet(grid: SheetGrid, m: SheetMapping): SheetOutcome {
  if (m.skip) return { questions: [], notes: [], status: 'skipped', message: 'Left out by the mapping.' };
  const sheet = grid.name;
  const merges = new MergeIndex(grid.merges);
  const col = (letters: string | null) => (letters ? columnNumber(letters) : null);
  const qCol = col(m.questionColumn)!;
  const refCol = col(m.referenceColumn);
  const sectionCol = col(m.sectionColumn);
  const parts: [AnswerPart, number][] = (
    [
      ['shortAnswer', col(m.shortAnswerColumn)],
      ['answer', col(m.answerColumn)],
      ['comment', col(m.commentColumn)],
    ] as [AnswerPart, number | null][]
  ).filter((p): p is [AnswerPart, number] => p[1] !== null);
  const answerCols = new Set(parts.map(([, c]) => c));
  const notes: RowNote[] = [];
  const questions: ExtractedQuestion[] = [];
  const note = (row: number, kind: RowNote['kind'], code: ImportNoteCode, message: string) =>
    notes.push({ sheet, row, kind, code, message });

  /** A cell's text, reading a merged block's text from its first cell. */
  const textAt = (row: number, column: number): string => {
    const covered = merges.coveredBy(row, column);
    const cell = covered ? grid.rows.get(covered.top)?.get(covered.left) : grid.rows.get(row)?.get(column);
    return cell?.text.trim() ?? '';
  };

  const headerQuestion = m.headerRow > 0 ? textAt(m.headerRow, qCol).toLowerCase() : '';
  // Bold marks a heading only where questions are not bold themselves.
  let questionCells = 0;
  let boldCells = 0;
  for (const [r, cells] of grid.rows) {
    const c = r > m.headerRow ? cells.get(qCol) : undefined;
    if (c && c.formula === null && c.text.trim()) {
      questionCells++;
      if (c.bold) boldCells++;
    }
  }
  const boldMarksHeadings = boldCells <= questionCells / 2;

  for (let r = 1; r < m.headerRow; r++) {
    const cells = grid.rows.get(r);
    if (!cells) continue;
    const text = [...cells.values()].map((c) => c.text.trim()).find(Boolean) ?? '';
    note(r, 'skipped', 'above_header', `Row ${r} is above the header row (row ${m.headerRow})${text ? `: ${quote(text)}` : ''}.`);
  }

  let section: string | null = null;
  for (let r = m.headerRow + 1; r <= grid.rowCount; r++) {
    const cells = grid.rows.get(r);
    const qCovered = merges.coveredBy(r, qCol);
    if (qCovered && qCovered.top < r) {
      note(
        r,
        'skipped',
        'merged_question',
        `${cellAddress(r, qCol)} is merged into ${masterAddress(qCovered)} (${rangeText(qCovered)}): the question was read once, from row ${qCovered.top}.`,
      );
      continue;
    }
    if (!cells) {
      note(r, 'skipped', 'empty_row', `Row ${r} is empty.`);
      continue;
    }
    if (sectionCol !== null) {
      const named = textAt(r, sectionCol);
      if (named) section = named;
    }
    const qCell: GridCell | undefined = qCovered ? grid.rows.get(qCovered.top)?.get(qCovered.left) : cells.get(qCol);
    const qText = qCell?.text.trim() ?? '';
    // A cell inside another cell's merged block shows that cell's text, not its own.
    const answersBlank = parts.every(([, c]) => merges.coveredBy(r, c) !== null || !cells.get(c)?.text.trim());

    if (qCell?.formula !== null && qCell?.formula !== undefined && !qCovered) {
      note(
        r,
        'skipped',
        'formula_question',
        `${cellAddress(r, qCol)} holds a formula (=${qCell.formula.slice(0, 80)}): a question must be typed text, so the row was skipped.`,
      );
      continue;
    }

    if (sectionCol === null) {
      const heading = headingText(r, qCol, qCell, qText, Boolean(qCovered));
      if (heading && answersBlank) {
        section = heading;
        note(r, 'section', 'section_heading', `Row ${r} is a section heading: ${quote(heading, 100)}.`);
        continue;
      }
    }

    if (!qText) {
      const other = [...cells.entries()].sort((a, b) => a[0] - b[0]).find(([, c]) => c.text.trim());
      note(
        r,
        'skipped',
        'no_question',
        `Row ${r} has no text in the question column (${m.questionColumn})${other ? `; it holds ${quote(other[1].text)} in ${cellAddress(r, other[0])}` : ''}.`,
      );
      continue;
    }
    if (headerQuestion && qText.toLowerCase() === headerQuestion) {
      note(r, 'skipped', 'header_repeated', `Row ${r} repeats the header row (${quote(qText)}).`);
      continue;
    }
    if (qText.length > QUESTION_MAX_CHARS) {
      note(
        r,
        'skipped',
        'question_too_long',
        `${cellAddress(r, qCol)} holds ${qText.length.toLocaleString('en')} characters; a question holds at most ${QUESTION_MAX_CHARS.toLocaleString('en')}.`,
      );
      continue;
    }

    // Every answer cell computed: a total or a score line ("Questions answered Yes"), not a question.
    const answerFormulas = parts
      .filter(([part]) => part !== 'comment')
      .map(([, c]) => cells.get(c))
      .filter((c) => c?.formula !== null && c?.formula !== undefined);
    if (answerFormulas.length > 0 && answerFormulas.length === parts.filter(([part]) => part !== 'comment').length) {
      note(
        r,
        'skipped',
        'summary_row',
        `Row ${r} computes its answer (=${answerFormulas[0]!.formula!.slice(0, 60)}): a summary line such as ${quote(qText)}, not a question.`,
      );
      continue;
    }

    const targets: Record<AnswerPart, string | null> = { shortAnswer: null, answer: null, comment: null };
    const prefilled = { answerShort: null as string | null, answer: null as string | null, comment: null as string | null };
    for (const [part, c] of parts) {
      const address = cellAddress(r, c);
      const covered = merges.coveredBy(r, c);
      let target = address;
      let at = cells.get(c);
      if (covered) {
        // A merged answer box starting in an unmapped column of the same row takes the answer in its first cell.
        const ownBox = covered.top === r && covered.left !== qCol && covered.left !== refCol && !answerCols.has(covered.left);
        if (!ownBox) {
          note(
            r,
            'warning',
            'answer_merged',
            `The ${PART_LABEL[part]} cell ${address} is merged into ${masterAddress(covered)} (${rangeText(covered)}), which is not this question’s own cell: the export leaves it as it is (the CSV export carries the ${PART_LABEL[part]}).`,
          );
          continue;
        }
        target = masterAddress(covered);
        at = grid.rows.get(covered.top)?.get(covered.left);
      }
      if (at?.formula !== null && at?.formula !== undefined) {
        note(
          r,
          'warning',
          'answer_formula',
          `The ${PART_LABEL[part]} cell ${target} holds a formula (=${at.formula.slice(0, 60)}): the export will not overwrite it (the CSV export carries the ${PART_LABEL[part]}).`,
        );
        continue;
      }
      targets[part] = target;
      const existing = at?.text.trim();
      if (existing) {
        if (part === 'shortAnswer') prefilled.answerShort = existing.slice(0, 50);
        else if (part === 'answer') prefilled.answer = existing;
        else prefilled.comment = existing;
        note(r, 'warning', 'prefilled_answer', `${target} already holds ${quote(existing)}: it was kept as a draft ${PART_LABEL[part]}.`);
      }
    }

    questions.push({
      sheet,
      row: r,
      reference: refCol !== null ? textAt(r, refCol) || null : null,
      section: section ?? sheet,
      question: qText,
      questionCell: qCovered ? masterAddress(qCovered) : cellAddress(r, qCol),
      shortAnswerCell: targets.shortAnswer,
      answerCell: targets.answer,
      commentCell: targets.comment,
      prefilled,
    });
  }

  /**
   * The heading a row names, if it is laid out as one: the question cell merged across columns, or
   * a merged block starting left of it, or bold short text; or, with the question cell empty, the
   * row's only text sitting left of the question column, bold or merged.
   */
  function headingText(r: number, column: number, cell: GridCell | undefined, text: string, covered: boolean): string | null {
    if (text) {
      const merged = merges.at(r, column);
      if (merged && merged.right > merged.left && (covered || merged.left === column)) return text;
      if (!covered && cell && boldMarksHeadings && cell.bold && !text.endsWith('?') && text.length <= HEADING_MAX_CHARS) return text;
      return null;
    }
    const cells = grid.rows.get(r);
    if (!cells) return null;
    const texts = [...cells.entries()].filter(([, c]) => c.text.trim());
    if (texts.length !== 1) return null;
    const [c, only] = texts[0]!;
    if (c >= column || only.formula !== null) return null;
    const lone = only.text.trim();
    const merged = merges.at(r, c);
    if ((merged && merged.right > merged.left) || (only.bold && lone.length <= HEADING_MAX_CHARS)) return lone;
    return null;
  }

  const status = questions.length ? 'imported' : 'no_questions';
  const message = questions.length
    ? `${questions.length.toLocaleString('en')} question${questions.length === 1 ? '' : 's'} from column ${m.questionColumn}.`
    : `No question found in column ${m.questionColumn} below row ${m.headerRow}: check the mapping (each row’s reason is listed).`;
  return { questions, notes, status, message };
}
