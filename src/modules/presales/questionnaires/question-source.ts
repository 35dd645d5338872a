import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** What a feedback item captured from a questionnaire question links back to. */
export interface QuestionSource {
  accountId: string | null;
  label: string;
  url: string;
}

/**
 * A questionnaire question as a feedback source (the feedback module reads it through its port):
 * the questionnaire's account, a label naming the questionnaire and the question's cell, and the
 * workspace opened on the question. Null when no question has this id.
 */
export async function questionnaireQuestionSource(db: Kysely<Database>, id: string): Promise<QuestionSource | null> {
  const row = await db
    .selectFrom('questionnaire_questions as q')
    .innerJoin('questionnaires as n', 'n.id', 'q.questionnaire_id')
    .select(['q.id', 'q.questionnaire_id', 'q.sheet', 'q.question_cell', 'q.reference', 'q.question', 'n.title', 'n.account_id'])
    .where('q.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const question = row.question.replace(/\s+/g, ' ').trim();
  const short = question.length > 80 ? `${question.slice(0, 80)}…` : question;
  return {
    accountId: row.account_id,
    label: `Questionnaire “${row.title}” · ${row.reference ? `${row.reference} ` : ''}${short} (${row.sheet}!${row.question_cell})`,
    url: `/presales/questionnaires/${row.questionnaire_id}?question=${row.id}`,
  };
}
