import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { AutofillResult } from '../contract/questionnaires.js';
import { suggestAnswers, type LibrarySuggestion } from '../library/suggest.js';
import type { QuestionnaireActor } from './approval-policy.js';
import { findQuestionnaire } from './questionnaire-reads.js';

/**
 * Auto-fill (issue 16): every unanswered or suggested question is ranked against the answer library
 * and gets the best entry above the threshold as a **suggestion** — its score, source entry and
 * whether that entry is stale are stored with it. A suggestion is never an answer: the question
 * becomes `suggested`, and only a person accepts it (→ drafted) and approves it. Drafted, reviewed
 * and approved questions are left alone; a question whose earlier suggestion no longer clears the
 * threshold goes back to `unanswered`.
 */

/** The library keeps short answers as codes; the customer's Yes/No column gets the words. */
const SHORT_ANSWER_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', n_a: 'N/A' };
export const shortAnswerWords = (code: string | null) => (code === null ? null : (SHORT_ANSWER_WORDS[code] ?? code));

/** Questions ranked per library call: bounds the memory a 10,000-question workbook needs. */
const RANK_BATCH = 500;

export async function autofillQuestionnaire(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  options: { threshold?: number } = {},
): Promise<AutofillResult> {
  const questionnaire = await findQuestionnaire(db, id);
  if (questionnaire.status === 'mapping') throw errors.questionnaireNotMapped();
  const open = await db
    .selectFrom('questionnaire_questions')
    .select(['id', 'question', 'status', 'suggestion_entry_id'])
    .where('questionnaire_id', '=', id)
    .where('status', 'in', ['unanswered', 'suggested'])
    .orderBy('position')
    .execute();
  const all = await db
    .selectFrom('questionnaire_questions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('questionnaire_id', '=', id)
    .executeTakeFirstOrThrow();

  const suggestions: (LibrarySuggestion | null)[] = [];
  for (let i = 0; i < open.length; i += RANK_BATCH) {
    const batch = open.slice(i, i + RANK_BATCH);
    suggestions.push(
      ...(await suggestAnswers(
        db,
        batch.map((q) => q.question),
        options.threshold === undefined ? {} : { threshold: options.threshold },
      )),
    );
  }

  const result: AutofillResult = { considered: open.length, suggested: 0, stale: 0, noMatch: 0, leftAlone: Number(all.n) - open.length };
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    for (const [i, q] of open.entries()) {
      const s = suggestions[i] ?? null;
      if (s) {
        result.suggested++;
        if (s.stale) result.stale++;
        await trx
          .updateTable('questionnaire_questions')
          .set({
            status: 'suggested',
            suggestion_entry_id: s.entryId,
            suggestion_question: s.question,
            suggestion_short: shortAnswerWords(s.shortAnswer),
            suggestion_long: s.longAnswer,
            suggestion_score: s.score,
            suggestion_stale: s.stale ? 1 : 0,
            suggested_at: now,
            updated_at: now,
          })
          .where('id', '=', q.id)
          // Someone may have drafted it while the library was being ranked: theirs wins.
          .where('status', 'in', ['unanswered', 'suggested'])
          .execute();
      } else {
        result.noMatch++;
        if (q.status === 'suggested' || q.suggestion_entry_id)
          await trx
            .updateTable('questionnaire_questions')
            .set({
              status: 'unanswered',
              suggestion_entry_id: null,
              suggestion_question: null,
              suggestion_short: null,
              suggestion_long: null,
              suggestion_score: null,
              suggestion_stale: 0,
              suggested_at: null,
              updated_at: now,
            })
            .where('id', '=', q.id)
            .where('status', 'in', ['unanswered', 'suggested'])
            .execute();
      }
    }
    await trx
      .updateTable('questionnaires')
      .set({ autofill_threshold: options.threshold ?? null, autofilled_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire.autofilled',
      recordType: 'questionnaire',
      recordId: id,
      changes: {
        suggested: [null, result.suggested],
        stale: [null, result.stale],
        no_match: [null, result.noMatch],
        threshold: [questionnaire.autofill_threshold, options.threshold ?? null],
      },
    });
  });
  return result;
}
