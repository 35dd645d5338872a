import type { AnswerOrigin, QuestionnaireKind, QuestionnaireStatus, QuestionStatus } from '../contract/questionnaires.js';

/** Questionnaires and their questions (migration 0029); merged into `Database` through ../tables.ts. */
export interface QuestionnaireTables {
  questionnaires: QuestionnairesTable;
  questionnaire_questions: QuestionnaireQuestionsTable;
}

export interface QuestionnairesTable {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  title: string;
  kind: QuestionnaireKind;
  status: QuestionnaireStatus;
  due_on: string | null;
  owner_id: string | null;
  file_name: string | null;
  file_format: 'xlsx' | 'csv' | null;
  file_size: number | null;
  file_sha256: string | null;
  /** The uploaded file's bytes, unchanged. */
  file_bytes: Buffer | null;
  uploaded_at: string | null;
  /** JSON: the confirmed `SheetMapping[]`. */
  mapping: string | null;
  /** JSON: the `ImportReport` of the last import. */
  import_report: string | null;
  imported_at: string | null;
  autofill_threshold: number | null;
  autofilled_at: string | null;
  submitted_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionnaireQuestionsTable {
  id: string;
  questionnaire_id: string;
  /** Order in the workbook: sheets in mapping order, rows top to bottom. */
  position: number;
  sheet: string;
  row_number: number;
  reference: string | null;
  section: string;
  question: string;
  question_cell: string;
  /** Where the export writes each part of the answer; null when that part has no cell. */
  short_answer_cell: string | null;
  answer_cell: string | null;
  comment_cell: string | null;
  status: QuestionStatus;
  answer_short: string | null;
  answer: string | null;
  comment: string | null;
  answer_origin: AnswerOrigin | null;
  source_entry_id: string | null;
  source_entry_question: string | null;
  /** 1 when the answer was taken from a library entry past its review date. */
  source_stale: number;
  suggestion_entry_id: string | null;
  suggestion_question: string | null;
  suggestion_short: string | null;
  suggestion_long: string | null;
  suggestion_score: number | null;
  suggestion_stale: number;
  suggested_at: string | null;
  assignee_id: string | null;
  assignment_due_on: string | null;
  assigned_at: string | null;
  assigned_by: string | null;
  drafted_by: string | null;
  drafted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  gap_feedback_item_id: string | null;
  gap_at: string | null;
  updated_at: string;
}
