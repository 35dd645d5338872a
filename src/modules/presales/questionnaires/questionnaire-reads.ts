import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { accountRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import {
  QUESTION_STATUSES,
  type ImportReport,
  type Question,
  type QuestionnaireSummary,
  type SectionProgress,
  type SheetMapping,
  type StatusCounts,
} from '../contract/questionnaires.js';
import type { QuestionnaireQuestionsTable, QuestionnairesTable } from './tables.js';

/** Reading questionnaires and questions as the API shows them: one read per kind of record for a whole page. */

export type QuestionnaireRow = Selectable<QuestionnairesTable>;
export type QuestionRow = Selectable<QuestionnaireQuestionsTable>;

/** Every column but the file's bytes, which only the export and the mapping read. */
export const QUESTIONNAIRE_COLUMNS = [
  'id',
  'account_id',
  'opportunity_id',
  'title',
  'kind',
  'status',
  'due_on',
  'owner_id',
  'file_name',
  'file_format',
  'file_size',
  'file_sha256',
  'uploaded_at',
  'mapping',
  'import_report',
  'imported_at',
  'autofill_threshold',
  'autofilled_at',
  'submitted_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export type QuestionnaireMeta = Omit<QuestionnaireRow, 'file_bytes'>;

const emptyCounts = (): StatusCounts => ({ unanswered: 0, suggested: 0, drafted: 0, reviewed: 0, approved: 0 });
const num = (v: number | string | null) => (v === null ? null : Number(v));
/** PostgreSQL hands back `date` columns as Date objects; the API speaks YYYY-MM-DD. */
export const dayOf = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
const isoOf = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/** A section's stable key (sheet and section name), safe in a URL. */
export function sectionKey(sheet: string, section: string): string {
  return Buffer.from(JSON.stringify([sheet, section])).toString('base64url');
}

export function parseSectionKey(key: string): { sheet: string; section: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { sheet: v[0], section: v[1] };
  } catch {
    // fall through
  }
  return null;
}

export async function findQuestionnaire(db: Kysely<Database>, id: string): Promise<QuestionnaireMeta> {
  const row = await db.selectFrom('questionnaires').select(QUESTIONNAIRE_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.questionnaireNotFound();
  return row;
}

export async function findQuestion(db: Kysely<Database>, id: string): Promise<QuestionRow> {
  const row = await db.selectFrom('questionnaire_questions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.questionNotFound();
  return row;
}

/** Questions per status for each questionnaire, in one grouped read. */
export async function progressOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, StatusCounts>> {
  const out = new Map<string, StatusCounts>(ids.map((id) => [id, emptyCounts()]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('questionnaire_questions')
    .select(['questionnaire_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('questionnaire_id', 'in', ids)
    .groupBy(['questionnaire_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.questionnaire_id);
    if (counts && r.status in counts) counts[r.status] = Number(r.n);
  }
  return out;
}

export const total = (c: StatusCounts) => QUESTION_STATUSES.reduce((sum, s) => sum + c[s], 0);

async function opportunityNames(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('opportunities').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function summaries(db: Kysely<Database>, rows: readonly QuestionnaireMeta[]): Promise<QuestionnaireSummary[]> {
  if (!rows.length) return [];
  const [accounts, owners, opportunities, progress] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    memberRefs(
      db,
      rows.map((r) => r.owner_id),
    ),
    opportunityNames(
      db,
      rows.map((r) => r.opportunity_id),
    ),
    progressOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const counts = progress.get(r.id) ?? emptyCounts();
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? 'Unknown account' },
      opportunity: r.opportunity_id ? { id: r.opportunity_id, name: opportunities.get(r.opportunity_id) ?? 'Unknown opportunity' } : null,
      owner: r.owner_id ? { id: r.owner_id, name: owners.get(r.owner_id)?.name ?? 'Former member' } : null,
      dueOn: dayOf(r.due_on),
      fileName: r.file_name,
      questionCount: total(counts),
      progress: counts,
      createdAt: isoOf(r.created_at)!,
      updatedAt: isoOf(r.updated_at)!,
    };
  });
}

/** Each section with its questions per status, its assignees and earliest due date, in workbook order. */
export async function sectionsOf(db: Kysely<Database>, questionnaireId: string): Promise<SectionProgress[]> {
  const rows = await db
    .selectFrom('questionnaire_questions')
    .select([
      'sheet',
      'section',
      'status',
      'assignee_id',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.min('position').as('first'),
      (eb) => eb.fn.min('assignment_due_on').as('due'),
    ])
    .where('questionnaire_id', '=', questionnaireId)
    .groupBy(['sheet', 'section', 'status', 'assignee_id'])
    .execute();
  const members = await memberRefs(
    db,
    rows.map((r) => r.assignee_id),
  );
  const sections = new Map<string, SectionProgress & { first: number }>();
  for (const r of rows) {
    const key = sectionKey(r.sheet, r.section);
    let s = sections.get(key);
    if (!s) {
      s = {
        key,
        sheet: r.sheet,
        section: r.section,
        total: 0,
        progress: emptyCounts(),
        assignees: [],
        dueOn: null,
        first: Number(r.first),
      };
      sections.set(key, s);
    }
    const n = Number(r.n);
    s.total += n;
    s.progress[r.status] += n;
    s.first = Math.min(s.first, Number(r.first));
    const due = dayOf(r.due);
    if (due && (!s.dueOn || due < s.dueOn)) s.dueOn = due;
    if (r.assignee_id && !s.assignees.some((a) => a.id === r.assignee_id))
      s.assignees.push({ id: r.assignee_id, name: members.get(r.assignee_id)?.name ?? 'Former member' });
  }
  return [...sections.values()].sort((a, b) => a.first - b.first).map(({ first: _first, ...s }) => s);
}

export function mappingOf(row: QuestionnaireMeta): SheetMapping[] | null {
  return row.mapping ? (JSON.parse(row.mapping) as SheetMapping[]) : null;
}

export function reportOf(row: QuestionnaireMeta): ImportReport | null {
  return row.import_report ? (JSON.parse(row.import_report) as ImportReport) : null;
}

export async function hydrateQuestions(db: Kysely<Database>, rows: readonly QuestionRow[]): Promise<Question[]> {
  if (!rows.length) return [];
  const members = await memberRefs(
    db,
    rows.flatMap((r) => [r.assignee_id, r.drafted_by, r.reviewed_by, r.approved_by]),
  );
  const member = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  return rows.map((r) => ({
    id: r.id,
    questionnaireId: r.questionnaire_id,
    position: Number(r.position),
    sheet: r.sheet,
    rowNumber: Number(r.row_number),
    reference: r.reference,
    section: r.section,
    sectionKey: sectionKey(r.sheet, r.section),
    question: r.question,
    cells: { question: r.question_cell, shortAnswer: r.short_answer_cell, answer: r.answer_cell, comment: r.comment_cell },
    status: r.status,
    answerShort: r.answer_short,
    answer: r.answer,
    comment: r.comment,
    origin: r.answer_origin,
    source: r.source_entry_id
      ? { entryId: r.source_entry_id, question: r.source_entry_question ?? '', stale: Boolean(Number(r.source_stale)) }
      : null,
    suggestion:
      r.suggestion_entry_id && r.suggestion_score !== null
        ? {
            entryId: r.suggestion_entry_id,
            question: r.suggestion_question ?? '',
            shortAnswer: r.suggestion_short,
            longAnswer: r.suggestion_long ?? '',
            score: num(r.suggestion_score)!,
            stale: Boolean(Number(r.suggestion_stale)),
            at: isoOf(r.suggested_at) ?? '',
          }
        : null,
    assignee: member(r.assignee_id),
    assignmentDueOn: dayOf(r.assignment_due_on),
    draftedBy: member(r.drafted_by),
    reviewedBy: member(r.reviewed_by),
    reviewedAt: isoOf(r.reviewed_at),
    approvedBy: member(r.approved_by),
    approvedAt: isoOf(r.approved_at),
    gap: r.gap_feedback_item_id ? { feedbackItemId: r.gap_feedback_item_id, at: isoOf(r.gap_at) ?? '' } : null,
    updatedAt: isoOf(r.updated_at)!,
  }));
}

export async function getQuestion(db: Kysely<Database>, id: string): Promise<Question> {
  return (await hydrateQuestions(db, [await findQuestion(db, id)]))[0]!;
}
