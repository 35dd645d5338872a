import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { memberRefs } from '../../team/index.js';
import type { ExportQuery, QuestionStatus } from '../contract/questionnaires.js';
import { patchCsv, questionsCsv } from './csv-export.js';
import { findQuestionnaire, type QuestionRow } from './questionnaire-reads.js';
import { patchWorkbook, type CellWrite } from './workbook-patch.js';

/**
 * The questionnaire going back to the customer (issue 16): the very file they sent, with the answers
 * in the mapped cells and nothing else changed (workbook-patch.ts, csv-export.ts), or a CSV with one
 * row per question. By default only approved answers are written; `include=drafted` adds drafted
 * and reviewed ones (for an internal read-through).
 */

const INCLUDED: Record<ExportQuery['include'], QuestionStatus[]> = {
  approved: ['approved'],
  drafted: ['drafted', 'reviewed', 'approved'],
};

/**
 * What goes into a question's cells. With a short-answer and an answer column, each takes its
 * part; with only one of them, it takes the answer as a whole ("Yes. We enforce…"); the comment
 * goes to the comment column.
 */
export function answerCellValues(
  q: Pick<QuestionRow, 'answer_short' | 'answer' | 'comment' | 'short_answer_cell' | 'answer_cell' | 'comment_cell'>,
) {
  const short = q.answer_short?.trim() || null;
  const long = q.answer?.trim() || null;
  const comment = q.comment?.trim() || null;
  const whole = short && long ? (long.toLowerCase().startsWith(short.toLowerCase()) ? long : `${short}. ${long}`) : (long ?? short);
  const out: { cell: string; value: string }[] = [];
  if (q.short_answer_cell && q.answer_cell) {
    if (short) out.push({ cell: q.short_answer_cell, value: short });
    if (long) out.push({ cell: q.answer_cell, value: long });
  } else if (q.short_answer_cell) {
    if (short ?? long) out.push({ cell: q.short_answer_cell, value: (short ?? long)! });
  } else if (q.answer_cell && whole) out.push({ cell: q.answer_cell, value: whole });
  if (q.comment_cell && comment) out.push({ cell: q.comment_cell, value: comment });
  return out;
}

function exportName(fileName: string, suffix: string, extension: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'questionnaire';
  return `${base} - ${suffix}.${extension}`;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** Answers that could not be written into the workbook (a formula appeared in the cell, say). */
  refused: number;
}

export async function exportQuestionnaire(db: Kysely<Database>, id: string, query: ExportQuery): Promise<ExportedFile> {
  const questionnaire = await findQuestionnaire(db, id);
  if (questionnaire.status === 'mapping') throw errors.questionnaireNotMapped();
  const included = new Set(INCLUDED[query.include]);
  const questions = await db
    .selectFrom('questionnaire_questions')
    .selectAll()
    .where('questionnaire_id', '=', id)
    .orderBy('position')
    .execute();
  const fileName = questionnaire.file_name ?? `${questionnaire.title}.xlsx`;

  if (query.format === 'csv') {
    const approvers = await memberRefs(
      db,
      questions.map((q) => q.approved_by),
    );
    const rows = questions.map((q) => {
      const shown = included.has(q.status);
      const source =
        q.source_entry_id && (q.answer_origin === 'library' || q.answer_origin === 'library_edited')
          ? `Answer library: ${q.source_entry_question ?? q.source_entry_id}${q.answer_origin === 'library_edited' ? ' (edited)' : ''}${Number(q.source_stale) ? ' (entry due for review)' : ''}`
          : q.answer_origin === 'workbook'
            ? 'In the workbook as received'
            : q.answer_origin === 'manual'
              ? 'Written by the team'
              : '';
      return [
        q.sheet,
        Number(q.row_number),
        q.reference,
        q.section,
        q.question,
        shown ? q.answer_short : null,
        shown ? q.answer : null,
        shown ? q.comment : null,
        q.status,
        shown ? source : null,
        q.approved_by ? (approvers.get(q.approved_by)?.name ?? 'Former member') : null,
        q.approved_at,
      ];
    });
    return {
      fileName: exportName(fileName, 'answers', 'csv'),
      contentType: 'text/csv; charset=utf-8',
      bytes: questionsCsv(rows),
      refused: 0,
    };
  }

  const file = await db.selectFrom('questionnaires').select('file_bytes').where('id', '=', id).executeTakeFirstOrThrow();
  if (!file.file_bytes) throw errors.questionnaireFileMissing();
  const writes: CellWrite[] = questions
    .filter((q) => included.has(q.status))
    .flatMap((q) => answerCellValues(q).map((w) => ({ sheet: q.sheet, ...w })));
  if (questionnaire.file_format === 'csv')
    return {
      fileName: exportName(fileName, 'answered', 'csv'),
      contentType: 'text/csv; charset=utf-8',
      bytes: patchCsv(Buffer.from(file.file_bytes), writes),
      refused: 0,
    };
  const patched = await patchWorkbook(Buffer.from(file.file_bytes), writes);
  const extension = /\.xlsm$/i.test(fileName) ? 'xlsm' : 'xlsx';
  return {
    fileName: exportName(fileName, 'answered', extension),
    contentType:
      extension === 'xlsm'
        ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: patched.bytes,
    refused: patched.refused.length,
  };
}
