import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { createFeedbackItem } from '../../feedback/index.js';
import { gapBody, type GapInput, type Question } from '../contract/questionnaires.js';
import { QUESTIONNAIRE_KIND_LABELS } from '../contract/questionnaires.js';
import type { QuestionnaireActor } from './approval-policy.js';
import { findQuestion, findQuestionnaire, getQuestion } from './questionnaire-reads.js';
import { touchQuestionnaire } from './questionnaire-service.js';

/** A feedback title: the question, shortened at a word boundary. */
function titleOf(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 197);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 120 ? cut.lastIndexOf(' ') : 197)}…`;
}

/**
 * "Mark as gap": a question nobody can answer — the product does not do it — becomes a feedback
 * item on the questionnaire's account (source `questionnaire_question`), so the need reaches the
 * product team's ranking with the customer behind it. The question keeps its status; it can still
 * be answered ("No", "On the roadmap").
 */
export async function markQuestionGap(db: Kysely<Database>, actor: QuestionnaireActor, id: string, input: GapInput): Promise<Question> {
  const b = gapBody.parse(input);
  await inTransaction(db, async (trx) => {
    const q = await findQuestion(trx, id);
    if (q.gap_feedback_item_id) throw errors.questionGapExists({ feedbackItemId: q.gap_feedback_item_id });
    const questionnaire = await findQuestionnaire(trx, q.questionnaire_id);
    const where = `${QUESTIONNAIRE_KIND_LABELS[questionnaire.kind]} “${questionnaire.title}”, ${q.sheet}!${q.question_cell}`;
    const item = await createFeedbackItem(trx, actor.ctx, {
      accountId: questionnaire.account_id,
      title: b.title ?? titleOf(q.question),
      quote: `${q.reference ? `${q.reference}: ` : ''}${q.question}\n\n(${where})${b.note ? `\n\n${b.note}` : ''}`.slice(0, 10_000),
      impact: b.impact,
      sourceType: 'questionnaire_question',
      sourceId: q.id,
      tags: ['questionnaire', questionnaire.kind],
    });
    const now = nowIso();
    await trx
      .updateTable('questionnaire_questions')
      .set({ gap_feedback_item_id: item.id, gap_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await touchQuestionnaire(trx, q.questionnaire_id, now);
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire_question.gap_filed',
      recordType: 'questionnaire_question',
      recordId: id,
      changes: { gap_feedback_item_id: [null, item.id] },
    });
  });
  return getQuestion(db, id);
}
