import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { notifyMembers } from '../../platform/index.js';
import { assignBody, type AssignInput } from '../contract/questionnaires.js';
import type { QuestionnaireActor } from './approval-policy.js';
import { findQuestionnaire, parseSectionKey } from './questionnaire-reads.js';
import { answeringMember, touchQuestionnaire } from './questionnaire-service.js';

/** The notification kind an assignee gets (in the app and by e-mail). */
export const QUESTIONS_ASSIGNED_NOTIFICATION = 'presales.questions_assigned';

/**
 * Assigns questions — picked ones, or a whole section — to an expert with a due date, and tells
 * them in the app and by e-mail (nobody is told about work they gave themselves). `assigneeId: null`
 * takes the assignment away.
 */
export async function assignQuestions(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  questionnaireId: string,
  input: AssignInput,
): Promise<{ assigned: number; notified: string[] }> {
  const b = assignBody.parse(input);
  return inTransaction(db, async (trx) => {
    const questionnaire = await findQuestionnaire(trx, questionnaireId);
    if (questionnaire.status === 'mapping') throw errors.questionnaireNotMapped();
    const assignee = b.assigneeId ? await answeringMember(trx, b.assigneeId, 'assigneeId') : null;

    let target = trx.selectFrom('questionnaire_questions').select(['id', 'section']).where('questionnaire_id', '=', questionnaireId);
    let sectionName: string | null = null;
    if (b.section) {
      const s = parseSectionKey(b.section);
      if (!s) throw errors.questionSectionUnknown({ field: 'section' });
      target = target.where('sheet', '=', s.sheet).where('section', '=', s.section);
      sectionName = s.section;
    } else target = target.where('id', 'in', [...new Set(b.questionIds ?? [])]);
    const rows = await target.execute();
    if (b.section && rows.length === 0) throw errors.questionSectionUnknown({ field: 'section' });
    if (!b.section && rows.length !== new Set(b.questionIds).size)
      throw errors.referenceMissing('question of this questionnaire', 'questionIds');

    const now = nowIso();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .updateTable('questionnaire_questions')
        .set({
          assignee_id: assignee?.id ?? null,
          assignment_due_on: assignee ? b.dueOn : null,
          assigned_at: assignee ? now : null,
          assigned_by: assignee ? actor.memberId : null,
          updated_at: now,
        })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    await touchQuestionnaire(trx, questionnaireId, now);
    await recordAudit(trx, actor.ctx, {
      action: assignee ? 'questionnaire.questions_assigned' : 'questionnaire.questions_unassigned',
      recordType: 'questionnaire',
      recordId: questionnaireId,
      changes: {
        assignee_id: [null, assignee?.id ?? null],
        questions: [null, ids.length],
        ...(sectionName !== null && { section: [null, sectionName] }),
        due_on: [null, b.dueOn],
      },
    });

    let notified: string[] = [];
    if (assignee && assignee.id !== actor.memberId) {
      const what =
        sectionName !== null
          ? `the section “${sectionName}” (${ids.length} questions)`
          : `${ids.length} question${ids.length === 1 ? '' : 's'}`;
      const due = b.dueOn ? `, due ${b.dueOn}` : '';
      const link = `/presales/questionnaires/${questionnaireId}?assignee=me`;
      notified = await notifyMembers(
        trx,
        [{ memberId: assignee.id, email: assignee.email, name: assignee.name }],
        {
          kind: QUESTIONS_ASSIGNED_NOTIFICATION,
          title: `Questionnaire: ${what} to answer${due}`,
          body: `You were asked to answer ${what} of “${questionnaire.title}”${due}. Open the questionnaire to see them: suggestions from the answer library are shown beside each question.`,
          link,
        },
        { email: true },
        new Date(now),
      );
    }
    return { assigned: ids.length, notified };
  });
}
