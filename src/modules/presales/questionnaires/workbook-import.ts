import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import {
  QUESTIONNAIRE_MAX_QUESTIONS,
  mappingBody,
  type ImportReport,
  type MappingInput,
  type SheetMapping,
  type WorkbookPreview,
} from '../contract/questionnaires.js';
import type { QuestionnaireActor } from './approval-policy.js';
import { findQuestionnaire, reportOf } from './questionnaire-reads.js';
import { extractSheet, type ExtractedQuestion, type RowNote } from './sheet-extract.js';
import { previewSheet } from './sheet-guess.js';
import type { QuestionnaireQuestionsTable } from './tables.js';
import { fileFormatOf, readWorkbookGrid, type WorkbookGrid } from './workbook-grid.js';

/**
 * From the customer's file to questions (issue 16): the upload keeps the file's bytes and answers
 * with a preview of each sheet and a guessed mapping; the mapping, once confirmed, turns the rows
 * into questions (see sheet-extract.ts for the rules) and stores the report of every row that
 * did not become one. Both can be redone until work starts on the answers.
 */

/** Questions inserted per statement: ~40 values each, well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_BATCH = 250;

/** True once anyone drafted, reviewed, approved, assigned or filed a gap: from then on the questions stay. */
async function workStarted(db: Kysely<Database>, questionnaireId: string): Promise<boolean> {
  const row = await db
    .selectFrom('questionnaire_questions')
    .select('id')
    .where('questionnaire_id', '=', questionnaireId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['reviewed', 'approved']),
        // An answer the workbook already held is not work done here; an edited or accepted one is.
        eb.and([eb('status', '=', 'drafted'), eb('answer_origin', '!=', 'workbook')]),
        eb('assignee_id', 'is not', null),
        eb('gap_feedback_item_id', 'is not', null),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function preview(fileName: string, grid: WorkbookGrid): WorkbookPreview {
  return { fileName, format: grid.format, sheets: grid.sheets.map(previewSheet) };
}

async function storedFile(db: Kysely<Database>, id: string): Promise<{ name: string; bytes: Buffer }> {
  const row = await db.selectFrom('questionnaires').select(['file_name', 'file_bytes']).where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.questionnaireNotFound();
  if (!row.file_bytes || !row.file_name) throw errors.questionnaireFileMissing();
  return { name: row.file_name, bytes: Buffer.from(row.file_bytes) };
}

/** Keeps the uploaded file (replacing an earlier one while no work has started) and previews its sheets. */
export async function uploadWorkbook(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  file: { filename: string; content: Buffer },
): Promise<WorkbookPreview> {
  const before = await findQuestionnaire(db, id);
  if (await workStarted(db, id)) throw errors.questionnaireWorkStarted();
  if (file.content.length === 0) throw errors.questionnaireFileEmpty({ field: 'file' });
  // A name safe to hand back in Content-Disposition: no folders, no control characters, no quotes.
  // eslint-disable-next-line no-control-regex -- control characters are what the name must lose
  const unsafe = /[\u0000-\u001f"]/g;
  const fileName =
    file.filename
      .replace(/^.*[\\/]/, '')
      .replace(unsafe, '')
      .slice(0, 200) || 'questionnaire';
  const format = fileFormatOf(file.content, fileName);
  const grid = await readWorkbookGrid(file.content, fileName);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('questionnaire_questions').where('questionnaire_id', '=', id).execute();
    const now = nowIso();
    await trx
      .updateTable('questionnaires')
      .set({
        file_name: fileName,
        file_format: format,
        file_size: file.content.length,
        file_sha256: createHash('sha256').update(file.content).digest('hex'),
        file_bytes: file.content,
        uploaded_at: now,
        mapping: null,
        import_report: null,
        imported_at: null,
        autofill_threshold: null,
        autofilled_at: null,
        status: 'mapping',
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire.workbook_uploaded',
      recordType: 'questionnaire',
      recordId: id,
      changes: diff({ file_name: before.file_name, file_size: before.file_size }, { file_name: fileName, file_size: file.content.length }),
    });
  });
  return preview(fileName, grid);
}

/** The stored file's sheets again, for a mapping screen opened later. */
export async function workbookPreview(db: Kysely<Database>, id: string): Promise<WorkbookPreview> {
  const file = await storedFile(db, id);
  return preview(file.name, await readWorkbookGrid(file.bytes, file.name));
}

/** The sheets and rows per the mapping; sheets the mapping leaves out are reported as skipped. */
export function extractQuestions(
  grid: WorkbookGrid,
  mapping: readonly SheetMapping[],
): { questions: ExtractedQuestion[]; report: ImportReport } {
  const bySheet = new Map(mapping.map((m) => [m.sheet, m]));
  for (const m of mapping)
    if (!grid.sheets.some((s) => s.name === m.sheet))
      throw errors.questionnaireSheetUnknown({ field: 'sheets', sheet: m.sheet, sheets: grid.sheets.map((s) => s.name) });
  const questions: ExtractedQuestion[] = [];
  const rows: RowNote[] = [];
  const sheets: ImportReport['sheets'] = [];
  for (const grid1 of grid.sheets) {
    const m = bySheet.get(grid1.name);
    if (!m) {
      sheets.push({ sheet: grid1.name, status: 'skipped', questions: 0, message: 'Not in the mapping: left out.' });
      continue;
    }
    const outcome = extractSheet(grid1, m);
    questions.push(...outcome.questions);
    rows.push(...outcome.notes);
    sheets.push({ sheet: grid1.name, status: outcome.status, questions: outcome.questions.length, message: outcome.message });
  }
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.code] = (counts[r.code] ?? 0) + 1;
  const sectionNames = new Set(questions.map((q) => `${q.sheet}\u0000${q.section}`));
  return {
    questions,
    report: { questions: questions.length, sections: sectionNames.size, sheets, rows, counts, importedAt: nowIso() },
  };
}

function questionValues(questionnaireId: string, q: ExtractedQuestion, position: number, now: string): QuestionnaireQuestionsTable {
  const prefilled = Boolean(q.prefilled.answer || q.prefilled.answerShort);
  return {
    id: newId(),
    questionnaire_id: questionnaireId,
    position,
    sheet: q.sheet,
    row_number: q.row,
    reference: q.reference?.slice(0, 200) ?? null,
    section: q.section.slice(0, 500),
    question: q.question,
    question_cell: q.questionCell,
    short_answer_cell: q.shortAnswerCell,
    answer_cell: q.answerCell,
    comment_cell: q.commentCell,
    // An answer already in the workbook is a draft to check, never an approved one.
    status: prefilled ? 'drafted' : 'unanswered',
    answer_short: q.prefilled.answerShort,
    answer: q.prefilled.answer,
    comment: q.prefilled.comment,
    answer_origin: prefilled || q.prefilled.comment ? 'workbook' : null,
    source_entry_id: null,
    source_entry_question: null,
    source_stale: 0,
    suggestion_entry_id: null,
    suggestion_question: null,
    suggestion_short: null,
    suggestion_long: null,
    suggestion_score: null,
    suggestion_stale: 0,
    suggested_at: null,
    assignee_id: null,
    assignment_due_on: null,
    assigned_at: null,
    assigned_by: null,
    drafted_by: null,
    drafted_at: prefilled ? now : null,
    reviewed_by: null,
    reviewed_at: null,
    approved_by: null,
    approved_at: null,
    gap_feedback_item_id: null,
    gap_at: null,
    updated_at: now,
  };
}

/**
 * Applies a mapping: replaces the questionnaire's questions with the rows it yields and stores the
 * report. Refused once work has started (the questions' answers would be lost), when it yields no
 * question at all (the report comes back in the error's details) or more than 10,000.
 */
export async function importMapping(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  input: MappingInput,
): Promise<ImportReport> {
  const { sheets: mapping } = mappingBody.parse(input);
  await findQuestionnaire(db, id);
  const file = await storedFile(db, id);
  if (await workStarted(db, id)) throw errors.questionnaireWorkStarted();
  const grid = await readWorkbookGrid(file.bytes, file.name);
  const { questions, report } = extractQuestions(grid, mapping);
  if (questions.length === 0) throw errors.questionnaireNoQuestions({ report });
  if (questions.length > QUESTIONNAIRE_MAX_QUESTIONS)
    throw errors.questionnaireTooManyQuestions({ questions: questions.length, limit: QUESTIONNAIRE_MAX_QUESTIONS });
  await inTransaction(db, async (trx) => {
    if (await workStarted(trx, id)) throw errors.questionnaireWorkStarted();
    await trx.deleteFrom('questionnaire_questions').where('questionnaire_id', '=', id).execute();
    const now = nowIso();
    const values = questions.map((q, i) => questionValues(id, q, i + 1, now));
    for (let i = 0; i < values.length; i += INSERT_BATCH)
      await trx
        .insertInto('questionnaire_questions')
        .values(values.slice(i, i + INSERT_BATCH))
        .execute();
    const before = await findQuestionnaire(trx, id);
    await trx
      .updateTable('questionnaires')
      .set({
        mapping: JSON.stringify(mapping),
        import_report: JSON.stringify(report),
        imported_at: now,
        autofill_threshold: null,
        autofilled_at: null,
        status: 'in_progress',
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire.imported',
      recordType: 'questionnaire',
      recordId: id,
      changes: diff(
        { status: before.status, questions: reportOf(before)?.questions ?? 0 },
        { status: 'in_progress', questions: questions.length, skipped_rows: report.rows.filter((r) => r.kind === 'skipped').length },
      ),
    });
  });
  return report;
}

export async function importReport(db: Kysely<Database>, id: string): Promise<ImportReport> {
  const report = reportOf(await findQuestionnaire(db, id));
  if (!report) throw errors.questionnaireNotMapped();
  return report;
}
