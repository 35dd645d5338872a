import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';

/**
 * The answer library (issue 16): reviewed answers to the questions RFPs and security
 * questionnaires ask, each with other phrasings of its question (variants), a short answer
 * (Yes / No / N/A) and a long one, an owner who reviews it every `reviewIntervalDays`, and a status.
 * An approved entry past its review date is **stale**: flagged everywhere, queued for its owner and
 * never auto-filled as approved. Shared with the web app.
 *
 * Who may do what: anyone with `presales.write` creates entries (drafts) and edits drafts;
 * approving needs `presales.manage` (curation: a writer cannot approve what they wrote). The
 * entry's owner or a manager edits an approved entry, archives, restores, returns it to draft and
 * marks it reviewed.
 */

export const LIBRARY_ENTRY_STATUSES = ['draft', 'approved', 'archived'] as const;
export const LIBRARY_SHORT_ANSWERS = ['yes', 'no', 'n_a'] as const;
export const LIBRARY_STATUS_LABELS: Record<(typeof LIBRARY_ENTRY_STATUSES)[number], string> = {
  draft: 'Draft',
  approved: 'Approved',
  archived: 'Archived',
};
export const LIBRARY_SHORT_ANSWER_LABELS: Record<(typeof LIBRARY_SHORT_ANSWERS)[number], string> = {
  yes: 'Yes',
  no: 'No',
  n_a: 'N/A',
};

const ref = z.object({ id: z.string(), name: z.string() });

const question = z.string().trim().min(1, 'Write the question').max(2000, 'A question is at most 2,000 characters');
const variant = z.string().trim().min(1, 'A variant cannot be empty').max(2000, 'A variant is at most 2,000 characters');
const variants = z.array(variant).max(50, 'At most 50 variants per entry');
const longAnswer = z.string().max(50_000, 'A long answer is at most 50,000 characters');
const productArea = z.string().trim().max(80, 'A product area is at most 80 characters').nullable();
const tags = z
  .array(z.string().trim().min(1, 'A tag cannot be empty').max(60, 'A tag is at most 60 characters'))
  .max(20, 'At most 20 tags');
const reviewIntervalDays = z
  .number()
  .int('Give the review interval in whole days')
  .min(1, 'The review interval is at least one day')
  .max(1095, 'Review at least once every 1,095 days (three years)');

const entryFields = {
  question,
  variants: variants.default([]).describe('Other phrasings of the question'),
  shortAnswer: z.enum(LIBRARY_SHORT_ANSWERS).nullable().default(null),
  longAnswer: longAnswer.default('').describe('Markdown (plain text is fine)'),
  productArea: productArea.default(null),
  tags: tags.default([]),
  ownerId: z.string().max(64).nullable().optional().describe('The member who keeps it right; defaults to you'),
  reviewIntervalDays: reviewIntervalDays.default(180),
};

export const createLibraryEntryBody = z.strictObject({
  ...entryFields,
  status: z.enum(['draft', 'approved']).default('draft').describe('`approved` needs presales.manage'),
  sourceQuestionId: z.string().max(64).nullable().default(null).describe('The questionnaire question this answer comes from'),
});
export type CreateLibraryEntryInput = z.input<typeof createLibraryEntryBody>;

const editFields = {
  question: question.optional(),
  variants: variants.optional().describe('The whole list, replacing the current one'),
  shortAnswer: z.enum(LIBRARY_SHORT_ANSWERS).nullable().optional(),
  longAnswer: longAnswer.optional(),
  productArea: productArea.optional(),
  tags: tags.optional(),
  ownerId: z.string().max(64).nullable().optional(),
  reviewIntervalDays: reviewIntervalDays.optional(),
};

export const updateLibraryEntryBody = z.strictObject(editFields).refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateLibraryEntryInput = z.input<typeof updateLibraryEntryBody>;

/** Marking an entry reviewed may carry the edits the review made. */
export const reviewLibraryEntryBody = z.strictObject(editFields);
export type ReviewLibraryEntryInput = z.input<typeof reviewLibraryEntryBody>;

export const addVariantBody = z.strictObject({ text: variant });

export const libraryEntrySchema = z.object({
  id: z.string(),
  question: z.string(),
  variants: z.array(z.object({ id: z.string(), text: z.string() })),
  shortAnswer: z.enum(LIBRARY_SHORT_ANSWERS).nullable(),
  longAnswer: z.string(),
  productArea: z.string().nullable(),
  tags: z.array(z.string()),
  owner: ref.nullable(),
  status: z.enum(LIBRARY_ENTRY_STATUSES),
  stale: z.boolean().describe('Approved and past its review date'),
  reviewIntervalDays: z.number(),
  lastReviewedAt: z.string().nullable(),
  lastReviewedBy: ref.nullable(),
  reviewDueAt: z.string(),
  usageCount: z.number(),
  lastUsedAt: z.string().nullable(),
  sourceQuestionId: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: ref.nullable(),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with it (the screen shows only these actions). */
  can: z.object({ edit: z.boolean(), approve: z.boolean(), archive: z.boolean(), review: z.boolean(), delete: z.boolean() }),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const libraryListQuery = z.strictObject({
  q: z.string().trim().max(500).optional().describe('Full text over the question, its variants and the answer; best match first'),
  productArea: z.string().max(80).optional(),
  tag: z.string().max(60).optional(),
  owner: z.string().max(64).optional().describe('A member id, or `me`'),
  status: z.enum(LIBRARY_ENTRY_STATUSES).optional().describe('Without it: drafts and approved entries, not archived ones'),
  stale: flag.optional().describe('`true`: only stale entries; `false`: none'),
  ...pageQuery,
});

export const libraryListSchema = z.object({
  items: z.array(libraryEntrySchema.extend({ score: z.number().nullable().describe('Relevance 0–100 when searching with q') })),
  nextCursor: z.string().nullable(),
  total: z.number().describe('Entries matching the filters'),
});
export type LibraryList = z.infer<typeof libraryListSchema>;

export const reviewQueueQuery = z.strictObject({
  owner: z.string().max(64).default('me').describe('`me` (default), `all`, or a member id'),
  ...pageQuery,
});

export const reviewQueueSchema = z.object({
  items: z.array(libraryEntrySchema),
  nextCursor: z.string().nullable(),
  counts: z.object({ stale: z.number(), dueSoon: z.number() }),
  /** The queue holds stale entries and those due within this many days. */
  dueWithinDays: z.number(),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const libraryFacetsSchema = z.object({
  productAreas: z.array(z.object({ name: z.string(), count: z.number() })),
  tags: z.array(z.object({ name: z.string(), count: z.number() })),
  counts: z.object({ draft: z.number(), approved: z.number(), archived: z.number(), stale: z.number() }),
});
export type LibraryFacets = z.infer<typeof libraryFacetsSchema>;

export const LIBRARY_IMPORT_OUTCOMES = ['imported', 'updated', 'skipped'] as const;

export const libraryImportReportSchema = z.object({
  imported: z.number(),
  updated: z.number(),
  skipped: z.number(),
  /** Columns the header row was read as (column letter → field), so a wrong guess shows. */
  columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string().nullable() })),
  sheet: z.string().nullable(),
  rows: z.array(
    z.object({
      row: z.number().describe('Row number in the file, header = 1'),
      outcome: z.enum(LIBRARY_IMPORT_OUTCOMES),
      question: z.string().nullable(),
      entryId: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type LibraryImportReport = z.infer<typeof libraryImportReportSchema>;

/** The multipart form fields of an import, besides the file. */
export const libraryImportFields = z.strictObject({
  status: z.enum(['draft', 'approved']).default('draft').describe('Status of new entries; `approved` needs presales.manage'),
  sheet: z.string().max(200).optional().describe('XLSX: the sheet to read (default: the first with a question column)'),
});
