import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../kernel/contract/page.js';

/**
 * Questionnaires (issue 16): an RFP or security questionnaire the customer sent as a spreadsheet.
 * The workbook is uploaded once and kept; a column mapping (per sheet: header row, question column,
 * answer columns, comment column) turns its rows into questions that each remember their cells; the
 * answer library suggests answers; the team drafts, reviews and approves them; the export writes the
 * approved answers back into the same workbook's mapped cells. Shared with the web app.
 */

export const QUESTIONNAIRE_KINDS = ['security', 'rfp', 'other'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];
export const QUESTIONNAIRE_KIND_LABELS: Record<QuestionnaireKind, string> = {
  security: 'Security questionnaire',
  rfp: 'RFP',
  other: 'Other',
};

/** `mapping`: created, the workbook not imported yet; `in_progress`: questions being answered; `submitted`: sent back. */
export const QUESTIONNAIRE_STATUSES = ['mapping', 'in_progress', 'submitted'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  mapping: 'Mapping',
  in_progress: 'In progress',
  submitted: 'Submitted',
};

/** A question's way to an approved answer; only a person moves it to `approved`. */
export const QUESTION_STATUSES = ['unanswered', 'suggested', 'drafted', 'reviewed', 'approved'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  unanswered: 'Unanswered',
  suggested: 'Suggested',
  drafted: 'Drafted',
  reviewed: 'Reviewed',
  approved: 'Approved',
};

/** Where a question's current answer came from. */
export const ANSWER_ORIGINS = ['library', 'library_edited', 'manual', 'workbook'] as const;
export type AnswerOrigin = (typeof ANSWER_ORIGINS)[number];

/** The largest workbook or CSV file an import takes, and the most questions one questionnaire holds. */
export const QUESTIONNAIRE_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const QUESTIONNAIRE_MAX_QUESTIONS = 10_000;
export const ANSWER_MAX_CHARS = 20_000;

const id = z.string().trim().min(1).max(64);
const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const ref = z.object({ id: z.string(), name: z.string() });
const counts = z.object({
  unanswered: z.number(),
  suggested: z.number(),
  drafted: z.number(),
  reviewed: z.number(),
  approved: z.number(),
});
export type StatusCounts = z.infer<typeof counts>;

// ---------------------------------------------------------------- questionnaires

export const questionnaireSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  status: z.enum(QUESTIONNAIRE_STATUSES),
  account: ref,
  opportunity: ref.nullable(),
  owner: ref.nullable(),
  dueOn: z.string().nullable(),
  fileName: z.string().nullable(),
  questionCount: z.number(),
  progress: counts.describe('Questions per status'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuestionnaireSummary = z.infer<typeof questionnaireSummarySchema>;
export const questionnairePageSchema = pageSchema(questionnaireSummarySchema);

export const sectionProgressSchema = z.object({
  /** Stable within the questionnaire: the sheet and the section, for filters and assignment. */
  key: z.string(),
  sheet: z.string(),
  section: z.string(),
  total: z.number(),
  progress: counts,
  assignees: z.array(ref),
  /** The earliest assignment due date among its questions. */
  dueOn: z.string().nullable(),
});
export type SectionProgress = z.infer<typeof sectionProgressSchema>;

const column = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{1,3}$/, 'Name a column by its letter, such as B')
  .transform((c) => c.toUpperCase());
const optionalColumn = column.nullable().default(null);

export const sheetMappingInput = z
  .strictObject({
    sheet: z.string().min(1).max(100).describe('The sheet’s name as the workbook shows it'),
    skip: z.boolean().default(false).describe('Leave the sheet out (instructions, cover pages)'),
    headerRow: z.number().int().min(0).max(1000).default(1).describe('The row naming the columns; 0 when there is none'),
    questionColumn: optionalColumn,
    referenceColumn: optionalColumn.describe('The question’s own number or id (e.g. "AC-1.2"), if the sheet has one'),
    sectionColumn: optionalColumn.describe('A column naming each row’s section (category, domain)'),
    shortAnswerColumn: optionalColumn.describe('Where a Yes / No / N/A answer goes'),
    answerColumn: optionalColumn.describe('Where the full (detail) answer goes'),
    commentColumn: optionalColumn.describe('Where a comment goes'),
  })
  .superRefine((m, ctx) => {
    if (m.skip) return;
    if (!m.questionColumn) ctx.addIssue({ code: 'custom', path: ['questionColumn'], message: 'Choose the column holding the questions' });
    if (!m.shortAnswerColumn && !m.answerColumn)
      ctx.addIssue({ code: 'custom', path: ['answerColumn'], message: 'Choose at least one column for the answers' });
    const named = (
      [
        ['questionColumn', m.questionColumn],
        ['referenceColumn', m.referenceColumn],
        ['sectionColumn', m.sectionColumn],
        ['shortAnswerColumn', m.shortAnswerColumn],
        ['answerColumn', m.answerColumn],
        ['commentColumn', m.commentColumn],
      ] as const
    ).filter(([, c]) => c);
    const seen = new Map<string, string>();
    for (const [field, c] of named) {
      if (seen.has(c!))
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Column ${c} is already the ${seen.get(c!)!.replace('Column', '')} column`,
        });
      else seen.set(c!, field);
    }
  });
export type SheetMappingInput = z.input<typeof sheetMappingInput>;
export type SheetMapping = z.output<typeof sheetMappingInput>;

/** A sheet's mapping as stored and returned (columns upper-case, every field present). */
export const sheetMappingSchema = z.object({
  sheet: z.string(),
  skip: z.boolean(),
  headerRow: z.number(),
  questionColumn: z.string().nullable(),
  referenceColumn: z.string().nullable(),
  sectionColumn: z.string().nullable(),
  shortAnswerColumn: z.string().nullable(),
  answerColumn: z.string().nullable(),
  commentColumn: z.string().nullable(),
});

export const mappingBody = z.strictObject({
  sheets: z
    .array(sheetMappingInput)
    .min(1, 'Map at least one sheet')
    .max(100)
    .refine((s) => new Set(s.map((x) => x.sheet)).size === s.length, 'A sheet appears twice in the mapping'),
});
export type MappingInput = z.input<typeof mappingBody>;

export const questionnaireSchema = questionnaireSummarySchema.extend({
  file: z
    .object({ name: z.string(), format: z.enum(['xlsx', 'csv']), sizeBytes: z.number(), uploadedAt: z.string() })
    .nullable()
    .describe('The uploaded workbook or CSV file, kept as sent'),
  mapping: z.array(sheetMappingSchema).nullable(),
  sections: z.array(sectionProgressSchema),
  importSummary: z
    .object({ questions: z.number(), sections: z.number(), skippedRows: z.number(), warnings: z.number(), importedAt: z.string() })
    .nullable(),
  autofill: z.object({ threshold: z.number().nullable(), at: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  /** Whether the caller may approve answers: presales.manage, or the questionnaire's owner. */
  canApprove: z.boolean(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const questionnaireListQuery = z.object({
  accountId: id.optional(),
  opportunityId: id.optional(),
  kind: z.enum(QUESTIONNAIRE_KINDS).optional(),
  status: z.enum(QUESTIONNAIRE_STATUSES).optional(),
  ownerId: id.optional(),
  q: z.string().trim().max(100).optional().describe('Matches the title'),
  ...pageQuery,
});
export type QuestionnaireListQuery = z.output<typeof questionnaireListQuery>;

export const createQuestionnaireBody = z.strictObject({
  accountId: id,
  opportunityId: id.nullable().default(null),
  title: z.string().trim().min(1, 'Give the questionnaire a title').max(200),
  kind: z.enum(QUESTIONNAIRE_KINDS).default('security'),
  dueOn: isoDate.nullable().default(null),
  ownerId: id.nullable().default(null).describe('Defaults to the member creating it'),
});
export type CreateQuestionnaireInput = z.input<typeof createQuestionnaireBody>;

export const updateQuestionnaireBody = z
  .strictObject({
    title: z.string().trim().min(1, 'Give the questionnaire a title').max(200).optional(),
    kind: z.enum(QUESTIONNAIRE_KINDS).optional(),
    dueOn: isoDate.nullable().optional(),
    ownerId: id.nullable().optional(),
    opportunityId: id.nullable().optional(),
    status: z.enum(['in_progress', 'submitted']).optional().describe('Mark it submitted once sent back, or reopen it'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateQuestionnaireInput = z.input<typeof updateQuestionnaireBody>;

// ---------------------------------------------------------------- workbook and import

export const sheetPreviewSchema = z.object({
  name: z.string(),
  hidden: z.boolean(),
  rowCount: z.number(),
  columnCount: z.number(),
  /** Column letters of the preview grid, A first. */
  columns: z.array(z.string()),
  rows: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })).describe('The first rows, as the sheet shows them'),
  /** Merged ranges within the preview, e.g. "B2:D2". */
  merges: z.array(z.string()),
  /** Outpost's guess at the mapping; the user confirms or changes it. */
  guess: sheetMappingSchema,
  guessNote: z.string().nullable().describe('Why the guess is what it is (e.g. why the sheet would be skipped)'),
});
export type SheetPreview = z.infer<typeof sheetPreviewSchema>;

export const workbookPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(sheetPreviewSchema),
});
export type WorkbookPreview = z.infer<typeof workbookPreviewSchema>;

/** Why a row did not become a question, or what to know about one that did. */
export const IMPORT_NOTE_CODES = [
  'above_header',
  'empty_row',
  'header_repeated',
  'no_question',
  'formula_question',
  'merged_question',
  'question_too_long',
  'summary_row',
  'section_heading',
  'answer_formula',
  'answer_merged',
  'prefilled_answer',
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export const importReportSchema = z.object({
  questions: z.number(),
  sections: z.number(),
  sheets: z.array(
    z.object({
      sheet: z.string(),
      status: z.enum(['imported', 'skipped', 'no_questions']),
      questions: z.number(),
      message: z.string(),
    }),
  ),
  /** Every row that was skipped, every section heading, every question with a warning; by sheet and row. */
  rows: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      kind: z.enum(['skipped', 'section', 'warning']),
      code: z.enum(IMPORT_NOTE_CODES),
      message: z.string(),
    }),
  ),
  counts: z.record(z.string(), z.number()).describe('How many rows per note code'),
  importedAt: z.string(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

// ---------------------------------------------------------------- questions

export const questionSchema = z.object({
  id: z.string(),
  questionnaireId: z.string(),
  position: z.number(),
  sheet: z.string(),
  rowNumber: z.number(),
  reference: z.string().nullable(),
  section: z.string(),
  sectionKey: z.string(),
  question: z.string(),
  /** The cells this question came from and its answers go to, e.g. { question: "B5", answer: "D5" }. */
  cells: z.object({
    question: z.string(),
    shortAnswer: z.string().nullable(),
    answer: z.string().nullable(),
    comment: z.string().nullable(),
  }),
  status: z.enum(QUESTION_STATUSES),
  answerShort: z.string().nullable(),
  answer: z.string().nullable(),
  comment: z.string().nullable(),
  origin: z.enum(ANSWER_ORIGINS).nullable(),
  /** The library entry the answer was drawn from. */
  source: z.object({ entryId: z.string(), question: z.string(), stale: z.boolean() }).nullable(),
  suggestion: z
    .object({
      entryId: z.string(),
      question: z.string(),
      shortAnswer: z.string().nullable(),
      longAnswer: z.string(),
      score: z.number(),
      stale: z.boolean(),
      at: z.string(),
    })
    .nullable(),
  assignee: ref.nullable(),
  assignmentDueOn: z.string().nullable(),
  draftedBy: ref.nullable(),
  reviewedBy: ref.nullable(),
  reviewedAt: z.string().nullable(),
  approvedBy: ref.nullable(),
  approvedAt: z.string().nullable(),
  gap: z.object({ feedbackItemId: z.string(), at: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;
export const questionPageSchema = pageSchema(questionSchema);
export type QuestionPage = z.infer<typeof questionPageSchema>;

export const questionListQuery = z.object({
  status: z.enum(QUESTION_STATUSES).optional(),
  section: z.string().max(400).optional().describe('A section key from the questionnaire’s sections'),
  assignee: z
    .union([z.literal('me'), z.literal('none'), id])
    .optional()
    .describe('"me", "none" or a member id'),
  gap: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  q: z.string().trim().max(200).optional().describe('Matches the question, its reference or its answer'),
  cursor: pageQuery.cursor,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type QuestionListQuery = z.output<typeof questionListQuery>;

const answerText = z
  .string()
  .trim()
  .max(ANSWER_MAX_CHARS, `An answer holds at most ${ANSWER_MAX_CHARS.toLocaleString('en')} characters`);

export const updateQuestionBody = z
  .strictObject({
    answerShort: z.string().trim().max(50, 'A short answer is a word or two (Yes, No, N/A)').nullable().optional(),
    answer: answerText.nullable().optional(),
    comment: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateQuestionInput = z.input<typeof updateQuestionBody>;

export const QUESTION_ACTIONS = ['accept', 'dismiss', 'review', 'approve', 'reopen'] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

export const bulkQuestionBody = z.strictObject({
  action: z.enum(QUESTION_ACTIONS),
  questionIds: z.array(id).min(1, 'Choose at least one question').max(500),
});
export type BulkQuestionInput = z.input<typeof bulkQuestionBody>;
export const bulkResultSchema = z.object({
  done: z.number(),
  /** Questions the action did not apply to, with the reason (e.g. not in a status it applies to). */
  refused: z.array(z.object({ questionId: z.string(), code: z.string(), message: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const autofillBody = z.strictObject({
  threshold: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('The lowest score (0–100) a suggestion needs; the library’s default if left out'),
});
export const autofillResultSchema = z.object({
  considered: z.number().describe('Unanswered and suggested questions ranked against the library'),
  suggested: z.number(),
  stale: z.number().describe('Suggestions drawn from an entry past its review date (flagged)'),
  noMatch: z.number(),
  leftAlone: z.number().describe('Drafted, reviewed and approved questions, not touched'),
});
export type AutofillResult = z.infer<typeof autofillResultSchema>;

export const assignBody = z
  .strictObject({
    questionIds: z.array(id).max(500).optional(),
    section: z.string().max(400).optional().describe('A section key: every question of the section'),
    assigneeId: id.nullable().describe('null takes the assignment away'),
    dueOn: isoDate.nullable().default(null),
  })
  .refine((b) => (b.questionIds?.length ? 1 : 0) + (b.section ? 1 : 0) === 1, 'Give either questionIds or a section');
export type AssignInput = z.input<typeof assignBody>;
export const assignResultSchema = z.object({ assigned: z.number(), notified: z.array(z.string()) });

export const gapBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional().describe('Defaults to the question, shortened'),
  impact: z.enum(['blocker', 'important', 'nice_to_have']).default('important'),
  note: z.string().trim().max(2000).optional().describe('Added to the customer’s words on the feedback item'),
});
export type GapInput = z.input<typeof gapBody>;

export const EXPORT_FORMATS = ['workbook', 'csv'] as const;
export const exportQuery = z.object({
  format: z
    .enum(EXPORT_FORMATS)
    .default('workbook')
    .describe('workbook: the original file with the answers in its cells; csv: one row per question'),
  include: z.enum(['approved', 'drafted']).default('approved').describe('approved only, or drafted and reviewed answers too'),
});
export type ExportQuery = z.output<typeof exportQuery>;
