import { describe, expect, it } from 'vitest';
import { mappingBody } from '../contract/questionnaires.js';
import { extractSheet } from './sheet-extract.js';
import { guessMapping, previewSheet } from './sheet-guess.js';
import { ACCESS_QUESTIONS, DATA_QUESTIONS, SECURITY_MAPPING, securityWorkbookBytes } from './test-workbooks.js';
import { readWorkbookGrid, type SheetGrid } from './workbook-grid.js';
import { extractQuestions } from './workbook-import.js';

const mapping = mappingBody.parse(SECURITY_MAPPING).sheets;
const sheetOf = async (name: string): Promise<SheetGrid> => {
  const grid = await readWorkbookGrid(await securityWorkbookBytes(), 'assessment.xlsx');
  return grid.sheets.find((s) => s.name === name)!;
};
const mapped = (name: string) => mapping.find((m) => m.sheet === name)!;

describe('reading a questionnaire sheet by its mapping', () => {
  it('takes each question with its cells and section, and reports every other row with its reason', async () => {
    const outcome = extractSheet(await sheetOf('Access Control'), mapped('Access Control'));
    expect(outcome.status).toBe('imported');
    expect(outcome.questions.map((q) => [q.row, q.reference, q.section, q.question])).toEqual([
      [4, 'A.1.1', 'Identity and authentication', ACCESS_QUESTIONS[4]],
      [5, 'A.1.2', 'Identity and authentication', ACCESS_QUESTIONS[5]],
      [7, 'A.1.3', 'Identity and authentication', ACCESS_QUESTIONS[7]],
      [10, 'A.2.1', 'Logging and monitoring', ACCESS_QUESTIONS[10]],
      [12, 'A.2.3', 'Logging and monitoring', ACCESS_QUESTIONS[12]],
      [13, 'A.2.4', 'Logging and monitoring', ACCESS_QUESTIONS[13]],
    ]);
    const first = outcome.questions[0]!;
    expect(first).toMatchObject({ questionCell: 'B4', shortAnswerCell: 'C4', answerCell: null, commentCell: 'D4' });
    expect(outcome.notes.map((n) => [n.row, n.kind, n.code])).toEqual([
      [1, 'skipped', 'above_header'],
      [3, 'section', 'section_heading'],
      [6, 'skipped', 'empty_row'],
      [8, 'skipped', 'header_repeated'],
      [9, 'section', 'section_heading'],
      [11, 'skipped', 'formula_question'],
      [12, 'warning', 'answer_formula'],
      [14, 'skipped', 'merged_question'],
      [15, 'skipped', 'empty_row'],
      [16, 'skipped', 'no_question'],
    ]);
    const byRow = new Map(outcome.notes.map((n) => [n.row, n.message]));
    expect(byRow.get(11)).toContain('B11 holds a formula');
    expect(byRow.get(12)).toContain('D12 holds a formula');
    expect(byRow.get(14)).toContain('B14 is merged into B13 (B13:B14)');
    expect(byRow.get(16)).toContain('“Answered Yes” in A16');
    // A formula in the comment cell keeps the question but never becomes a write target.
    expect(outcome.questions.find((q) => q.row === 12)).toMatchObject({ shortAnswerCell: 'C12', commentCell: null });
  });

  it('reads sections from a section column, through merged cells, and keeps a pre-filled answer as a draft', async () => {
    const outcome = extractSheet(await sheetOf('Data Protection'), mapped('Data Protection'));
    expect(outcome.questions.map((q) => [q.row, q.section, q.question, q.answerCell])).toEqual([
      [2, 'Encryption', DATA_QUESTIONS[2], 'C2'],
      [3, 'Encryption', DATA_QUESTIONS[3], 'C3'],
      [4, 'Encryption', DATA_QUESTIONS[4], 'C4'],
      [5, 'Backup', DATA_QUESTIONS[5], 'C5'],
    ]);
    expect(outcome.questions[2]!.prefilled.answer).toBe('Customer-managed keys are available on request');
    expect(outcome.notes.map((n) => [n.row, n.code])).toEqual([
      [4, 'prefilled_answer'],
      [6, 'summary_row'],
    ]);
    expect(outcome.notes[1]!.message).toContain('=COUNTA(B2:B5)');
  });

  it('reports a mapped sheet with no questions and a skipped one, without dropping them', async () => {
    const grid = await readWorkbookGrid(await securityWorkbookBytes(), 'assessment.xlsx');
    const { questions, report } = extractQuestions(grid, mapping);
    expect(questions).toHaveLength(10);
    expect(report.sheets).toEqual([
      { sheet: 'Instructions', status: 'skipped', questions: 0, message: 'Left out by the mapping.' },
      { sheet: 'Access Control', status: 'imported', questions: 6, message: expect.stringContaining('6 questions') },
      { sheet: 'Data Protection', status: 'imported', questions: 4, message: expect.stringContaining('4 questions') },
      { sheet: 'Sign-off', status: 'no_questions', questions: 0, message: expect.stringContaining('No question found in column A') },
    ]);
    expect(report.sections).toBe(4);
    expect(report.counts).toMatchObject({ empty_row: 2, section_heading: 2, formula_question: 1, merged_question: 1 });
  });

  it('treats a bold short line as a heading only where the questions themselves are not bold', () => {
    const cell = (text: string, bold = false) => ({ text, formula: null, bold });
    const grid: SheetGrid = {
      name: 'RFP',
      hidden: false,
      rowCount: 5,
      columnCount: 2,
      merges: [],
      rows: new Map([
        [
          1,
          new Map([
            [1, cell('Requirement')],
            [2, cell('Response')],
          ]),
        ],
        [2, new Map([[1, cell('General', true)]])],
        [3, new Map([[1, cell('Describe your company.')]])],
        [4, new Map([[1, cell('Security', true)]])],
        [5, new Map([[1, cell('Describe your security programme?')]])],
      ]),
    };
    const m = {
      ...mapped('Data Protection'),
      sheet: 'RFP',
      sectionColumn: null,
      questionColumn: 'A',
      answerColumn: 'B',
      commentColumn: null,
    };
    const outcome = extractSheet(grid, m);
    expect(outcome.questions.map((q) => [q.section, q.question])).toEqual([
      ['General', 'Describe your company.'],
      ['Security', 'Describe your security programme?'],
    ]);
    // Every question bold: bold says nothing, so no row is a heading.
    for (const row of grid.rows.values()) for (const c of row.values()) c.bold = true;
    expect(extractSheet(grid, m).questions).toHaveLength(4);
  });
});

describe('guessing the mapping', () => {
  it('finds the header row under a title and names each column by its heading', async () => {
    expect(guessMapping(await sheetOf('Access Control')).guess).toEqual({
      sheet: 'Access Control',
      skip: false,
      headerRow: 2,
      questionColumn: 'B',
      referenceColumn: 'A',
      sectionColumn: null,
      shortAnswerColumn: 'C',
      answerColumn: null,
      commentColumn: 'D',
    });
    expect(guessMapping(await sheetOf('Data Protection')).guess).toMatchObject({
      headerRow: 1,
      sectionColumn: 'A',
      questionColumn: 'B',
      answerColumn: 'C',
      commentColumn: 'D',
    });
  });

  it('leaves out an instructions sheet and a sheet with only a header, saying why', async () => {
    const intro = guessMapping(await sheetOf('Instructions'));
    expect(intro.guess.skip).toBe(true);
    expect(intro.note).toMatch(/instructions or a cover page/);
    expect(guessMapping(await sheetOf('Sign-off'))).toMatchObject({ guess: { skip: true }, note: 'Nothing below the header row.' });
  });

  it('previews the first rows as the sheet shows them, with its merged ranges', async () => {
    const preview = previewSheet(await sheetOf('Access Control'));
    expect(preview.columns).toEqual(['A', 'B', 'C', 'D']);
    expect(preview.rows[1]).toEqual({ row: 2, cells: ['ID', 'Question', 'Yes/No', 'Comments'] });
    expect(preview.rows[10]!.cells[1]).toBe('Do you alert on failed sign-ins?');
    expect(preview.merges).toEqual(expect.arrayContaining(['B3:D3', 'B9:D9', 'B13:B14']));
  });
});
