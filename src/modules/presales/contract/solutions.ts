import { z } from 'zod';

/**
 * Requirements (fit and gap), solution designs and statements of work (issue 16), with the rate card
 * they are priced from. JSON is camelCase, timestamps ISO. Shared with the web app.
 *
 * - A requirement is one line of what the customer asked for (their own reference, such as "R-12"),
 *   with a MoSCoW priority and how the product meets it. A `gap` becomes a feedback item in the
 *   insights inbox (once per requirement) whose deal ARR counts as pipeline in the feedback ranking.
 * - A solution design is Markdown (Mermaid diagrams in ```mermaid fences), versioned on every save,
 *   linked to the requirements it answers.
 * - A statement of work prices scope items from the rate card (each rate is copied when the item is
 *   written, so a later change to the card does not reprice a sent SOW); accepting one creates the
 *   delivery engagement with the SOW's hours as its budget.
 */

export const REQUIREMENT_PRIORITIES = ['must', 'should', 'could'] as const;
export type RequirementPriority = (typeof REQUIREMENT_PRIORITIES)[number];
export const REQUIREMENT_FITS = ['unassessed', 'native', 'configuration', 'customisation', 'gap', 'roadmap'] as const;
export type RequirementFit = (typeof REQUIREMENT_FITS)[number];
export const PRIORITY_LABELS: Record<RequirementPriority, string> = { must: 'Must', should: 'Should', could: 'Could' };
export const FIT_LABELS: Record<RequirementFit, string> = {
  unassessed: 'Not assessed',
  native: 'Native',
  configuration: 'Configuration',
  customisation: 'Customisation',
  gap: 'Gap',
  roadmap: 'Roadmap',
};

export const SOW_STATUSES = ['draft', 'sent', 'accepted', 'declined'] as const;
export type SowStatus = (typeof SOW_STATUSES)[number];
export const SOW_STATUS_LABELS: Record<SowStatus, string> = { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', declined: 'Declined' };
/** The delivery engagement kinds an accepted SOW can become. */
export const SOW_ENGAGEMENT_KINDS = ['professional_services', 'implementation'] as const;

const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });
const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'Use a three-letter ISO 4217 currency code, such as USD or EUR')
  .transform((c) => c.toUpperCase());

// ---------------------------------------------------------------------------------------------
// Requirements

export const requirementSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  reference: z.string().nullable().describe('The customer’s own id for the requirement, such as "R-12"'),
  text: z.string(),
  section: z.string().nullable(),
  priority: z.enum(REQUIREMENT_PRIORITIES),
  fit: z.enum(REQUIREMENT_FITS),
  notes: z.string().nullable(),
  position: z.number(),
  feedbackItemId: z.string().nullable().describe('The feedback item captured when the requirement was marked a gap'),
  designIds: z.array(z.string()).describe('Solution designs that answer this requirement'),
  updatedBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const fitSummarySchema = z.object({
  total: z.number(),
  byFit: z.record(z.enum(REQUIREMENT_FITS), z.number()),
  byPriority: z.record(z.enum(REQUIREMENT_PRIORITIES), z.number()),
  /** Must-haves that are gaps: the deal's blockers. */
  mustGaps: z.number(),
  assessed: z.number(),
  /** Share of all requirements met natively or by configuration (0–100, one decimal), null with none. */
  coveredPercent: z.number().nullable(),
  /** The same share of the assessed requirements only. */
  coveredOfAssessedPercent: z.number().nullable(),
  /** Requirements no solution design answers yet. */
  withoutDesign: z.number(),
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

export const requirementListSchema = z.object({
  items: z.array(requirementSchema),
  summary: fitSummarySchema,
  sections: z.array(z.string()).describe('Every section the opportunity’s requirements use, for filters and forms'),
});
export type RequirementList = z.infer<typeof requirementListSchema>;

export const requirementListQuery = z.strictObject({
  fit: z.enum(REQUIREMENT_FITS).optional(),
  priority: z.enum(REQUIREMENT_PRIORITIES).optional(),
  section: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  withoutDesign: z.enum(['true', 'false']).optional().describe('Only requirements no solution design answers'),
});
export type RequirementListQuery = z.infer<typeof requirementListQuery>;

const requirementFields = {
  reference: z.string().trim().max(64, 'A reference has at most 64 characters').nullish(),
  text: z.string().trim().min(1, 'Write the requirement').max(10_000),
  section: optionalText(200),
  priority: z.enum(REQUIREMENT_PRIORITIES).default('should'),
  fit: z.enum(REQUIREMENT_FITS).default('unassessed'),
  notes: optionalText(10_000),
};

export const createRequirementBody = z.strictObject({
  ...requirementFields,
  position: z.number().int().min(0).max(1_000_000).optional().describe('Where to insert it; the end by default'),
});
export type CreateRequirementInput = z.input<typeof createRequirementBody>;

export const updateRequirementBody = z.strictObject({
  reference: requirementFields.reference,
  text: requirementFields.text.optional(),
  section: requirementFields.section,
  priority: z.enum(REQUIREMENT_PRIORITIES).optional(),
  fit: z.enum(REQUIREMENT_FITS).optional(),
  notes: requirementFields.notes,
});
export type UpdateRequirementInput = z.input<typeof updateRequirementBody>;

/** What a write did beside the requirement itself: a gap captured as feedback, or why an item was kept. */
export const requirementWriteSchema = z.object({
  requirement: requirementSchema,
  notices: z.array(z.string()).describe('Things a person should know, e.g. that a gap’s feedback item stays in the inbox'),
});

export const reorderRequirementsBody = z.strictObject({
  ids: z.array(id).min(1).max(10_000).describe('Every requirement of the opportunity, in the new order'),
});

export const bulkFitBody = z.strictObject({
  ids: z.array(id).min(1, 'Pick at least one requirement').max(10_000),
  fit: z.enum(REQUIREMENT_FITS),
  notes: optionalText(10_000).describe('When given, replaces the notes of every requirement picked'),
});
export const bulkFitResultSchema = z.object({
  updated: z.number(),
  feedbackItemsCreated: z.number(),
  notices: z.array(z.string()),
});

// Import: a preview of the file (sheets, headers, first rows, a suggested mapping), then the import.

export const IMPORT_FIELDS = ['reference', 'text', 'section', 'priority', 'fit', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importSheetSchema = z.object({
  name: z.string(),
  headerRow: z.number().describe('The row (1-based, as the spreadsheet shows it) the headers were found on; 0 when the sheet is empty'),
  columns: z.array(z.object({ column: z.number(), letter: z.string(), header: z.string() })),
  dataRows: z.number().describe('Rows below the header row that hold anything'),
  preview: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  suggestedMapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.number()),
});
export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(importSheetSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const column = z.number().int().min(1).max(16_384);
/** Sent as the multipart field "mapping" (JSON) beside the file. */
export const importMappingSchema = z.strictObject({
  sheet: z.string().max(200).optional().describe('The worksheet to read (XLSX); the first one by default'),
  headerRow: z.number().int().min(0).max(1_000_000).describe('The header row; 0 when the file has no header row'),
  columns: z.strictObject({
    text: column,
    reference: column.optional(),
    section: column.optional(),
    priority: column.optional(),
    fit: column.optional(),
    notes: column.optional(),
  }),
  defaultPriority: z.enum(REQUIREMENT_PRIORITIES).default('should'),
});
export type ImportMapping = z.input<typeof importMappingSchema>;

export const IMPORT_SKIP_REASONS = [
  'empty_row',
  'missing_text',
  'duplicate_reference',
  'duplicate_in_file',
  'merged_continuation',
  'section_heading',
  'text_too_long',
  'reference_too_long',
  'formula_without_value',
] as const;
export const IMPORT_WARNINGS = [
  'priority_unrecognised',
  'fit_unrecognised',
  'formula_value',
  'merged_value',
  'cell_error',
  'truncated',
] as const;

export const importReportSchema = z.object({
  sheet: z.string().nullable(),
  rowsRead: z.number(),
  imported: z.number(),
  skipped: z.number(),
  gapsCaptured: z.number().describe('Feedback items created for imported gaps'),
  rows: z
    .array(
      z.object({
        row: z.number().describe('The row number the spreadsheet shows'),
        outcome: z.enum(['imported', 'skipped']),
        reason: z.enum(IMPORT_SKIP_REASONS).nullable(),
        warnings: z.array(z.enum(IMPORT_WARNINGS)),
        message: z.string(),
        reference: z.string().nullable(),
      }),
    )
    .describe('Every row skipped, and every imported row with a warning; rows imported as they stood are only counted'),
});
export type ImportReport = z.infer<typeof importReportSchema>;

// ---------------------------------------------------------------------------------------------
// Solution designs

export const designVersionMetaSchema = z.object({
  version: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  author: ref.nullable(),
  createdAt: z.string(),
});
export const designVersionSchema = designVersionMetaSchema.extend({ body: z.string() });
export type DesignVersion = z.infer<typeof designVersionSchema>;

export const solutionDesignSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  title: z.string(),
  body: z.string().describe('Markdown of the latest version; ```mermaid fences are diagrams'),
  version: z.number().describe('The latest version number'),
  requirementIds: z.array(z.string()),
  versions: z.array(designVersionMetaSchema).describe('Newest first'),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SolutionDesign = z.infer<typeof solutionDesignSchema>;

export const designSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number(),
  requirementCount: z.number(),
  updatedBy: ref.nullable(),
  updatedAt: z.string(),
});
export const designListSchema = z.object({
  items: z.array(designSummarySchema),
  coverage: z.object({
    requirements: z.number(),
    covered: z.number(),
    uncovered: z.array(
      z.object({ id: z.string(), reference: z.string().nullable(), text: z.string(), priority: z.enum(REQUIREMENT_PRIORITIES) }),
    ),
  }),
});
export type DesignList = z.infer<typeof designListSchema>;

const designBody = z.string().max(200_000, 'A design has at most 200,000 characters');
const requirementIds = z.array(id).max(10_000);

export const createDesignBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the design a title').max(200),
  body: designBody.default(''),
  note: optionalText(500),
  requirementIds: requirementIds.default([]),
});
export type CreateDesignInput = z.input<typeof createDesignBody>;

export const saveDesignVersionBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the design a title').max(200).optional(),
  body: designBody,
  note: optionalText(500).describe('What changed, shown in the history'),
  baseVersion: z.number().int().min(1).optional().describe('The version the edit started from: 409 when someone saved a newer one'),
  requirementIds: requirementIds.optional().describe('When given, replaces the requirements the design answers'),
});
export type SaveDesignVersionInput = z.input<typeof saveDesignVersionBody>;

export const setDesignRequirementsBody = z.strictObject({ requirementIds });

export const designDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  added: z.number(),
  removed: z.number(),
  lines: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type DesignDiff = z.infer<typeof designDiffSchema>;

// ---------------------------------------------------------------------------------------------
// Rate card

export const rateCardRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  hourlyRate: z.number(),
  currency: z.string(),
  active: z.boolean(),
  usedBy: z.number().describe('Scope items priced with this role'),
  updatedAt: z.string(),
});
export type RateCardRole = z.infer<typeof rateCardRoleSchema>;

const hourlyRate = z.number().finite('Give a number').min(0, 'A rate cannot be negative').max(100_000);

export const createRateCardRoleBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the role').max(120),
  description: optionalText(1000),
  hourlyRate,
  currency: currency.default('USD'),
  active: z.boolean().default(true),
});
export type CreateRateCardRoleInput = z.input<typeof createRateCardRoleBody>;

export const updateRateCardRoleBody = z.strictObject({
  name: createRateCardRoleBody.shape.name.optional(),
  description: optionalText(1000),
  hourlyRate: hourlyRate.optional(),
  currency: currency.optional(),
  active: z.boolean().optional(),
});
export type UpdateRateCardRoleInput = z.input<typeof updateRateCardRoleBody>;

export const rateCardQuery = z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') });

// ---------------------------------------------------------------------------------------------
// Statements of work

export const sowItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  description: z.string(),
  roleId: z.string().nullable(),
  roleName: z.string().describe('The role as it was named when the item was priced'),
  hourlyRate: z.number().describe('The rate copied from the card when the item was priced'),
  hours: z.number(),
  amount: z.number().describe('hours × hourlyRate'),
  rateChanged: z.boolean().describe('The card’s rate for the role differs from the one copied'),
});

export const statementOfWorkSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  title: z.string(),
  summary: z.string(),
  assumptions: z.string(),
  outOfScope: z.string(),
  currency: z.string(),
  status: z.enum(SOW_STATUSES),
  items: z.array(sowItemSchema),
  totalHours: z.number(),
  totalAmount: z.number(),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: ref.nullable(),
  declineReason: z.string().nullable(),
  engagement: z
    .object({ id: z.string(), kind: z.enum(SOW_ENGAGEMENT_KINDS) })
    .nullable()
    .describe('The delivery engagement created on acceptance'),
  createdBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StatementOfWork = z.infer<typeof statementOfWorkSchema>;
export const sowListSchema = z.object({ items: z.array(statementOfWorkSchema) });

export const sowItemInput = z.strictObject({
  id: z.string().max(64).optional().describe('An existing item of this SOW, to keep its copied rate while its role stays the same'),
  description: z.string().trim().min(1, 'Describe the work').max(2000),
  roleId: id,
  hours: z
    .number()
    .finite('Give a number')
    .gt(0, 'Give the hours, more than zero')
    .max(100_000)
    .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, 'Hours take at most two decimals'),
});
export type SowItemInput = z.input<typeof sowItemInput>;

const sowFields = {
  title: z.string().trim().min(1, 'Give the statement of work a title').max(200),
  summary: z.string().trim().max(20_000).default(''),
  assumptions: z.string().trim().max(20_000).default(''),
  outOfScope: z.string().trim().max(20_000).default(''),
  currency: currency.optional().describe('The currency of every item’s role; taken from the first item’s role when omitted'),
  items: z.array(sowItemInput).max(200, 'At most 200 scope items').default([]),
};
export const createSowBody = z.strictObject(sowFields);
export type CreateSowInput = z.input<typeof createSowBody>;

export const updateSowBody = z.strictObject({
  title: sowFields.title.optional(),
  summary: z.string().trim().max(20_000).optional(),
  assumptions: z.string().trim().max(20_000).optional(),
  outOfScope: z.string().trim().max(20_000).optional(),
  currency: currency.optional(),
  items: z.array(sowItemInput).max(200, 'At most 200 scope items').optional().describe('The whole, ordered item list'),
  repriceItems: z.boolean().optional().describe('Copy the card’s current rates onto every item'),
});
export type UpdateSowInput = z.input<typeof updateSowBody>;

export const acceptSowBody = z.strictObject({
  engagementKind: z.enum(SOW_ENGAGEMENT_KINDS),
  engagementName: z.string().trim().min(1).max(200).optional().describe('The SOW’s title by default'),
  startDate: isoDate,
  templateId: id.nullish(),
  leadId: id.nullish(),
});
export type AcceptSowInput = z.input<typeof acceptSowBody>;

export const declineSowBody = z.strictObject({ reason: z.string().trim().min(1, 'Say why the customer declined').max(2000) });

export const sowExportQuery = z.strictObject({ format: z.enum(['pdf', 'md']).default('pdf') });
