import { z } from 'zod';

/**
 * Spreadsheet import (issue 18): the preview and the result every kind shares (accounts and
 * contacts here, tickets in support's contract). The request is multipart/form-data: the file in
 * "file", the column mapping in "mapping" (JSON `{"sheet": 0, "columns": {"name": 0, ...}}`, 0-based
 * columns, null for a field not imported) and, for an import, "mode".
 */

export const IMPORT_KINDS = ['accounts', 'contacts', 'tickets'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['valid_rows', 'all_or_nothing'] as const;

const rowIssueSchema = z.object({
  row: z.number().describe('The row number as the spreadsheet shows it'),
  field: z.string().nullable().describe('The field, or null when the row as a whole is refused'),
  column: z.string().nullable().describe('The column: its letter and header, e.g. "E (Renewal date)"'),
  message: z.string(),
});
export type ImportRowIssue = z.infer<typeof rowIssueSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.object({ name: z.string(), rows: z.number() })),
  sheet: z.number().describe('The sheet previewed (0-based)'),
  columns: z.array(z.object({ index: z.number(), letter: z.string(), header: z.string() })),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.number().nullable()).describe('Each field’s column: the one sent, else suggested by header name'),
  rows: z.array(
    z.object({
      row: z.number(),
      action: z.enum(['create', 'update', 'invalid']).describe('What "Import" does with the row; invalid rows are not written'),
      values: z.record(z.string(), z.string()),
      issues: z.array(rowIssueSchema),
    }),
  ),
  counts: z.object({ rows: z.number(), create: z.number(), update: z.number(), invalid: z.number() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  written: z.boolean().describe('False when nothing was written (all or nothing with a bad row, or no valid row)'),
  counts: z.object({ rows: z.number(), created: z.number(), updated: z.number(), rejected: z.number() }),
  rejected: z.array(rowIssueSchema).describe('Every reason a row was not written, by row: the downloadable report'),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Accounts: an existing account (same name, or owning one of the row's domains) is updated, not doubled. */
export const ACCOUNT_IMPORT_FIELDS = ['name', 'domains', 'segment', 'arr', 'lifecycleStage', 'renewalDate'] as const;
/** Contacts: one with the same e-mail is updated; the account is named by its name or one of its domains. */
export const CONTACT_IMPORT_FIELDS = ['name', 'email', 'account', 'title', 'phone', 'customerRole'] as const;
