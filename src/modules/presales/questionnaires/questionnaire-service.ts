import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, likeText, toPage, type Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists } from '../../accounts/index.js';
import { permissionsFor } from '../../identity/index.js';
import { memberRefs, memberRoleSets, type MemberRef } from '../../team/index.js';
import {
  createQuestionnaireBody,
  updateQuestionnaireBody,
  type CreateQuestionnaireInput,
  type Questionnaire,
  type QuestionnaireListQuery,
  type QuestionnaireSummary,
  type UpdateQuestionnaireInput,
} from '../contract/questionnaires.js';
import { mayApprove, type QuestionnaireActor } from './approval-policy.js';
import {
  QUESTIONNAIRE_COLUMNS,
  findQuestionnaire,
  mappingOf,
  reportOf,
  sectionsOf,
  summaries,
  type QuestionnaireMeta,
} from './questionnaire-reads.js';

/**
 * Questionnaires as records (issue 16): created on an account (and, optionally, one of its
 * opportunities) with a kind, a due date and an owner; listed with their progress; changed,
 * submitted and deleted. Every write is audited in its transaction.
 */

/**
 * An active member who can answer questionnaires (presales.write): an owner or an assignee who
 * could not open the questions would be a dead end.
 */
export async function answeringMember(db: Kysely<Database>, id: string, field: string): Promise<MemberRef> {
  const [member, roles] = await Promise.all([memberRefs(db, [id]), memberRoleSets(db, [id])]);
  const m = member.get(id);
  if (!m || m.status !== 'active' || !permissionsFor(roles.get(id) ?? []).has('presales.write'))
    throw errors.questionnaireMemberUnknown({
      field,
      memberId: id,
      reason: 'Choose an active member who works on deals (presales.write).',
    });
  return m;
}

async function checkOpportunity(db: Kysely<Database>, accountId: string, opportunityId: string | null | undefined) {
  if (!opportunityId) return;
  const row = await db.selectFrom('opportunities').select('account_id').where('id', '=', opportunityId).executeTakeFirst();
  if (!row) throw errors.referenceMissing('opportunity', 'opportunityId');
  if (row.account_id !== accountId) throw errors.questionnaireOpportunityForeign({ field: 'opportunityId' });
}

function auditShape(row: QuestionnaireMeta) {
  return {
    title: row.title,
    kind: row.kind,
    status: row.status,
    due_on: row.due_on,
    owner_id: row.owner_id,
    opportunity_id: row.opportunity_id,
  };
}

export async function getQuestionnaire(db: Kysely<Database>, actor: QuestionnaireActor, id: string): Promise<Questionnaire> {
  const row = await findQuestionnaire(db, id);
  const [[summary], sections] = await Promise.all([summaries(db, [row]), sectionsOf(db, id)]);
  const report = reportOf(row);
  const warnings = report?.rows.filter((r) => r.kind === 'warning').length ?? 0;
  return {
    ...summary!,
    file:
      row.file_name && row.file_format && row.uploaded_at
        ? { name: row.file_name, format: row.file_format, sizeBytes: Number(row.file_size ?? 0), uploadedAt: row.uploaded_at }
        : null,
    mapping: mappingOf(row),
    sections,
    importSummary:
      report && row.imported_at
        ? {
            questions: report.questions,
            sections: report.sections,
            skippedRows: report.rows.filter((r) => r.kind === 'skipped').length,
            warnings,
            importedAt: row.imported_at,
          }
        : null,
    autofill: row.autofilled_at
      ? { threshold: row.autofill_threshold === null ? null : Number(row.autofill_threshold), at: row.autofilled_at }
      : null,
    submittedAt: row.submitted_at,
    canApprove: mayApprove(actor, row),
  };
}

/** Questionnaires, most recently changed first, with their progress. */
export async function listQuestionnaires(db: Kysely<Database>, query: QuestionnaireListQuery): Promise<Page<QuestionnaireSummary>> {
  let q = db.selectFrom('questionnaires').select(QUESTIONNAIRE_COLUMNS);
  if (query.accountId) q = q.where('account_id', '=', query.accountId);
  if (query.opportunityId) q = q.where('opportunity_id', '=', query.opportunityId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
  if (query.q) q = q.where(likeText(sql<string>`lower(title)`, query.q.toLowerCase(), 'contains'));
  if (query.cursor) q = q.where(keysetAfter('updated_at', 'id', decodeCursor(query.cursor, 'timestamp'), 'desc'));
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.updated_at, r.id));
  return { items: await summaries(db, page.items), nextCursor: page.nextCursor };
}

export async function createQuestionnaire(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  input: CreateQuestionnaireInput,
): Promise<Questionnaire> {
  const b = createQuestionnaireBody.parse(input);
  const id = await inTransaction(db, async (trx) => {
    if (!(await accountExists(trx, b.accountId))) throw errors.referenceMissing('account', 'accountId');
    await checkOpportunity(trx, b.accountId, b.opportunityId);
    const ownerId = b.ownerId ?? actor.memberId;
    if (ownerId) await answeringMember(trx, ownerId, 'ownerId');
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('questionnaires')
      .values({
        id,
        account_id: b.accountId,
        opportunity_id: b.opportunityId,
        title: b.title,
        kind: b.kind,
        status: 'mapping',
        due_on: b.dueOn,
        owner_id: ownerId,
        file_name: null,
        file_format: null,
        file_size: null,
        file_sha256: null,
        file_bytes: null,
        uploaded_at: null,
        mapping: null,
        import_report: null,
        imported_at: null,
        autofill_threshold: null,
        autofilled_at: null,
        submitted_at: null,
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire.created',
      recordType: 'questionnaire',
      recordId: id,
      changes: diff(null, { account_id: b.accountId, ...auditShape(await findQuestionnaire(trx, id)) }),
    });
    return id;
  });
  return getQuestionnaire(db, actor, id);
}

export async function updateQuestionnaire(
  db: Kysely<Database>,
  actor: QuestionnaireActor,
  id: string,
  input: UpdateQuestionnaireInput,
): Promise<Questionnaire> {
  const b = updateQuestionnaireBody.parse(input);
  await inTransaction(db, async (trx) => {
    const before = await findQuestionnaire(trx, id);
    if (b.opportunityId !== undefined) await checkOpportunity(trx, before.account_id, b.opportunityId);
    if (b.ownerId) await answeringMember(trx, b.ownerId, 'ownerId');
    if (b.status && before.status === 'mapping') throw errors.questionnaireNotMapped();
    const now = nowIso();
    await trx
      .updateTable('questionnaires')
      .set({
        ...(b.title !== undefined && { title: b.title }),
        ...(b.kind !== undefined && { kind: b.kind }),
        ...(b.dueOn !== undefined && { due_on: b.dueOn }),
        ...(b.ownerId !== undefined && { owner_id: b.ownerId }),
        ...(b.opportunityId !== undefined && { opportunity_id: b.opportunityId }),
        ...(b.status !== undefined && { status: b.status, submitted_at: b.status === 'submitted' ? (before.submitted_at ?? now) : null }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const changes = diff(auditShape(before), auditShape(await findQuestionnaire(trx, id)));
    if (Object.keys(changes).length)
      await recordAudit(trx, actor.ctx, { action: 'questionnaire.updated', recordType: 'questionnaire', recordId: id, changes });
  });
  return getQuestionnaire(db, actor, id);
}

/** Deletes a questionnaire with its questions and file: its owner or a pre-sales lead only. */
export async function deleteQuestionnaire(db: Kysely<Database>, actor: QuestionnaireActor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await findQuestionnaire(trx, id);
    if (!mayApprove(actor, row)) throw errors.questionnaireApproveForbidden();
    await trx.deleteFrom('questionnaire_questions').where('questionnaire_id', '=', id).execute();
    await trx.deleteFrom('questionnaires').where('id', '=', id).execute();
    await recordAudit(trx, actor.ctx, {
      action: 'questionnaire.deleted',
      recordType: 'questionnaire',
      recordId: id,
      changes: diff({ account_id: row.account_id, file_name: row.file_name, ...auditShape(row) }, null),
    });
  });
}

/** Marks the questionnaire changed, so lists ordered by recent work show it first. */
export async function touchQuestionnaire(db: Kysely<Database>, id: string, at = nowIso()): Promise<void> {
  await db.updateTable('questionnaires').set({ updated_at: at }).where('id', '=', id).execute();
}
