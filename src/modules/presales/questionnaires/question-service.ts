import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor, likeText, toPage, type Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import {
  bulkQuestionBody,
  updateQuestionBody,
  type BulkQuestionInput,
  type BulkResult,
  type Question,
  type QuestionAction,
  type QuestionListQuery,
  type UpdateQuestionInput,
} from '../contract/questionnaires.js';
import { recordLibraryUse } from '../library/library-use.js';
import { mayApprove, type QuestionnaireActor } from './approval-policy.js';
import {
  findQuestion,
  findQuestionnaire,
  getQuestion,
  hydrateQuestions,
  parseSectionKey,
  type QuestionRow,
} from './questionnaire-reads.js';
import { touchQuestionnaire } from './questionnaire-service.js';
import type { QuestionnaireQuestionsTable } from './tables.js';

/**
 * Working a questionnaire's questions (issue 16): the list with its filters, editing an answer,
 * and the status actions. The way to an approved answer:
 *
 *   unanswered ──auto-fill──▶ suggested ──accept──▶ drafted ──review──▶ reviewed ──approve──▶ approved
 *        ▲                      │ dismiss                ▲  edit (from any status)  │ reopen    │ reopen
 *        └──────────────────────┘                        └──────────────────────────┴───────────┘
 *
 * Approving needs the questionnaire's owner or presales.manage (approval-policy.ts) and may skip
 * review; approving an answer drawn from a library entry counts one use of the entry. Any change to
 * an answer takes it back to drafted, so an approved answer is always the one that was approved.
 */

const hasAnswer = (q: Pick<QuestionRow, 'answer' | 'answer_short'>) => Boolean(q.answer?.trim() || q.answer_short?.trim());

/** A questionnaire's questions in workbook order, filtered; keyset-paged by position. */
export async function listQuestions(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  questionnaireId: string,
  query: QuestionListQuery,
): Promise<Page<Question>> {
  await findQuestionnaire(db, questionnaireId);
  let q = db.selectFrom('questionnaire_questions').selectAll().where('questionnaire_id', '=', questionnaireId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.section) {
    const s = parseSectionKey(query.section);
    if (!s) throw errors.questionSectionUnknown({ field: 'section' });
    q = q.where('sheet', '=', s.sheet).where('section', '=', s.section);
  }
  if (query.assignee === 'me') q = q.where('assignee_id', '=', actor.memberId ?? '');
  else if (query.assignee === 'none') q = q.where('assignee_id', 'is', null);
  else if (query.assignee) q = q.where('assignee_id', '=', query.assignee);
  if (query.gap !== undefined) q = q.where('gap_feedback_item_id', query.gap ? 'is not' : 'is', null);
  if (query.q) {
    const text = query.q.toLowerCase();
    q = q.where((eb) =>
      eb.or([
        likeText(sql<string>`lower(question)`, text, 'contains'),
        likeText(sql<string>`lower(coalesce(reference, ''))`, text, 'contains'),
        likeText(sql<string>`lower(coalesce(answer, ''))`, text, 'contains'),
      ]),
    );
  }
  if (query.cursor) q = q.where('position', '>', Number(decodeCursor(query.cursor, 'integer').sortValue));
  const rows = await q
    .orderBy('position')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(Number(r.position), r.id));
  return { items: await hydrateQuestions(db, page.items), nextCursor: page.nextCursor };
}

function auditShape(q: QuestionRow) {
  return {
    status: q.status,
    answer_short: q.answer_short,
    answer: q.answer,
    comment: q.comment,
    source_entry_id: q.source_entry_id,
  };
}

async function write(
  trx: Kysely<Database>,
  actor: QuestionnaireActor,
  before: QuestionRow,
  action: string,
  set: Updateable<QuestionnaireQuestionsTable>,
): Promise<void> {
  const now = nowIso();
  await trx
    .updateTable('questionnaire_questions')
    .set({ ...set, updated_at: now })
    .where('id', '=', before.id)
    .execute();
  const after = await findQuestion(trx, before.id);
  await recordAudit(trx, actor.ctx, {
    action: `questionnaire_question.${action}`,
    recordType: 'questionnaire_question',
    recordId: before.id,
    changes: diff(auditShape(before), auditShape(after)),
  });
  await touchQuestionnaire(trx, before.questionnaire_id, now);
}

const clearedReview = { reviewed_by: null, reviewed_at: null, approved_by: null, approved_at: null } as const;

/** Edits the answer, short answer or comment; the question becomes drafted (or unanswered when emptied). */
export async function updateQuestion(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  input: UpdateQuestionInput,
): Promise<Question> {
  const b = updateQuestionBody.parse(input);
  await inTransaction(db, async (trx) => {
    const q = await findQuestion(trx, id);
    const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
    const next = {
      answer_short: blank(b.answerShort) === undefined ? q.answer_short : blank(b.answerShort)!,
      answer: blank(b.answer) === undefined ? q.answer : blank(b.answer)!,
      comment: blank(b.comment) === undefined ? q.comment : blank(b.comment)!,
    };
    if (next.answer_short === q.answer_short && next.answer === q.answer && next.comment === q.comment) return;
    const answered = hasAnswer(next);
    const answerChanged = next.answer_short !== q.answer_short || next.answer !== q.answer;
    const fromLibrary = q.answer_origin === 'library' || q.answer_origin === 'library_edited';
    await write(trx, actor, q, 'edited', {
      ...next,
      ...clearedReview,
      status: answered ? 'drafted' : q.suggestion_entry_id ? 'suggested' : 'unanswered',
      answer_origin: !answered && !next.comment ? null : fromLibrary ? (answerChanged ? 'library_edited' : q.answer_origin) : 'manual',
      ...(!answered && { source_entry_id: null, source_entry_question: null, source_stale: 0 }),
      drafted_by: actor.memberId,
      drafted_at: nowIso(),
    });
  });
  return getQuestion(db, id);
}

/** One status action on one question, inside the caller's transaction. */
async function act(trx: Kysely<Database>, actor: QuestionnaireActor, q: QuestionRow, action: QuestionAction): Promise<void> {
  const now = nowIso();
  switch (action) {
    case 'accept': {
      if (q.status !== 'suggested') throw errors.questionStatusInvalid({ status: q.status, action });
      if (!q.suggestion_entry_id) throw errors.questionNoSuggestion();
      return write(trx, actor, q, 'accepted', {
        status: 'drafted',
        answer_short: q.suggestion_short,
        answer: q.suggestion_long,
        answer_origin: 'library',
        source_entry_id: q.suggestion_entry_id,
        source_entry_question: q.suggestion_question,
        // A stale entry's answer stays flagged on the draft until a person changes or approves it.
        source_stale: q.suggestion_stale,
        drafted_by: actor.memberId,
        drafted_at: now,
        ...clearedReview,
      });
    }
    case 'dismiss': {
      if (q.status !== 'suggested') throw errors.questionStatusInvalid({ status: q.status, action });
      return write(trx, actor, q, 'suggestion_dismissed', {
        status: 'unanswered',
        suggestion_entry_id: null,
        suggestion_question: null,
        suggestion_short: null,
        suggestion_long: null,
        suggestion_score: null,
        suggestion_stale: 0,
        suggested_at: null,
      });
    }
    case 'review': {
      if (q.status !== 'drafted') throw errors.questionStatusInvalid({ status: q.status, action });
      if (!hasAnswer(q)) throw errors.questionAnswerMissing();
      return write(trx, actor, q, 'reviewed', { status: 'reviewed', reviewed_by: actor.memberId, reviewed_at: now });
    }
    case 'approve': {
      if (q.status !== 'drafted' && q.status !== 'reviewed') throw errors.questionStatusInvalid({ status: q.status, action });
      if (!hasAnswer(q)) throw errors.questionAnswerMissing();
      if (!mayApprove(actor, await findQuestionnaire(trx, q.questionnaire_id))) throw errors.questionnaireApproveForbidden();
      await write(trx, actor, q, 'approved', { status: 'approved', approved_by: actor.memberId, approved_at: now });
      if (q.source_entry_id && (q.answer_origin === 'library' || q.answer_origin === 'library_edited'))
        await recordLibraryUse(trx, q.source_entry_id);
      return;
    }
    case 'reopen': {
      if (q.status !== 'reviewed' && q.status !== 'approved') throw errors.questionStatusInvalid({ status: q.status, action });
      if (q.status === 'approved' && !mayApprove(actor, await findQuestionnaire(trx, q.questionnaire_id)))
        throw errors.questionnaireApproveForbidden();
      return write(trx, actor, q, 'reopened', { status: 'drafted', ...clearedReview });
    }
  }
}

export async function questionAction(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  action: QuestionAction,
): Promise<Question> {
  await inTransaction(db, async (trx) => act(trx, actor, await findQuestion(trx, id), action));
  return getQuestion(db, id);
}

/**
 * The same action on many questions of one questionnaire (accept every suggestion in a section,
 * approve the reviewed ones): each question in its own transaction, so one refusal does not undo
 * the rest; refusals come back with their reason.
 */
export async function bulkAction(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  questionnaireId: string,
  input: BulkQuestionInput,
): Promise<BulkResult> {
  const b = bulkQuestionBody.parse(input);
  await findQuestionnaire(db, questionnaireId);
  const result: BulkResult = { done: 0, refused: [] };
  for (const questionId of [...new Set(b.questionIds)]) {
    try {
      await inTransaction(db, async (trx) => {
        const q = await findQuestion(trx, questionId);
        if (q.questionnaire_id !== questionnaireId) throw errors.questionNotFound();
        await act(trx, actor, q, b.action);
      });
      result.done++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.refused.push({ questionId, code: err.code, message: err.message });
    }
  }
  return result;
}
