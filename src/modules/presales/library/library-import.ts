import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { findMemberRowByEmail } from '../../team/index.js';
import type { LibraryImportReport } from '../contract/library.js';
import { cleanVariants, insertEntries, type NewEntryValues } from './entry-rows.js';
import { columnLetter, mapColumns, parseShortAnswer, splitTags, splitVariants, type ColumnMap } from './import-columns.js';
import { readUploadedSheets, type SheetRow, type UploadedSheet } from './import-sheet.js';
import { bumpLibraryVersion } from './library-index.js';
import { libraryPolicy, type LibraryCaller } from './policy.js';
import { reviewDueAt } from './review-schedule.js';
import { cleanTags } from './library-service.js';
import type { LibraryEntriesTable } from './tables.js';
import { questionKey } from './text-terms.js';

/**
 * Bulk import of library entries from a spreadsheet (XLSX or CSV). Every data row is reported:
 * imported (a new entry), updated (an entry with the same question text existed) or skipped with
 * the reason — never dropped silently. Variants come from a "Variants" column (separated by `;` or
 * line breaks) and from any "Alternate question" columns; an update adds new variants to the
 * entry's and replaces the answers, product area and tags the row gives.
 */

export const IMPORT_MAX_ROWS = 5000;
const HEADER_SEARCH_ROWS = 20;
const LIMITS = { question: 2000, longAnswer: 50_000, productArea: 80, tag: 60, tags: 20, variants: 50 } as const;

type ReportRow = LibraryImportReport['rows'][number];
type EntryRow = Selectable<LibraryEntriesTable>;

interface ParsedRow {
  row: number;
  question: string;
  variants: string[];
  shortAnswer: 'yes' | 'no' | 'n_a' | null;
  longAnswer: string | null;
  productArea: string | null | undefined;
  tags: string[] | undefined;
  ownerEmail: string | null;
  reviewIntervalDays: number | undefined;
}

/** The sheet to read and its header row: the named sheet, else the first with a "Question" column. */
function locateTable(sheets: UploadedSheet[], sheetName: string | undefined): { sheet: UploadedSheet; headerAt: number; map: ColumnMap } {
  const candidates = sheetName === undefined ? sheets : sheets.filter((s) => s.name === sheetName);
  if (sheetName !== undefined && !candidates.length)
    throw errors.libraryImportSheetNotFound({ sheet: sheetName, sheets: sheets.map((s) => s.name) });
  for (const sheet of candidates) {
    for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
      const map = mapColumns(sheet.rows[i]!.cells);
      if (map.single.question !== undefined) return { sheet, headerAt: i, map };
    }
  }
  throw errors.libraryImportNoQuestionColumn({ sheets: sheets.map((s) => s.name) });
}

/** One data row read and checked: the values, or the reason it cannot be imported. */
function parseRow(r: SheetRow, map: ColumnMap): ParsedRow | { reason: string } {
  const cell = (i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? '').replaceAll('\u0000', '').trim());
  if (r.cells.every((c) => c.trim() === '')) return { reason: 'Empty row.' };
  const question = cell(map.single.question).replace(/\s+/g, ' ');
  const qCol = columnLetter(map.single.question!);
  if (!question) return { reason: `No question in column ${qCol}: the row has other cells filled but no question.` };
  if (question.length > LIMITS.question)
    return { reason: `The question is ${question.length} characters long; at most ${LIMITS.question} fit.` };
  const rawShort = cell(map.single.shortAnswer);
  const shortAnswer = parseShortAnswer(rawShort);
  if (shortAnswer === undefined) return { reason: `The short answer "${rawShort.slice(0, 40)}" is not Yes, No or N/A.` };
  const longAnswer = cell(map.single.longAnswer);
  if (!longAnswer && !shortAnswer) return { reason: 'No answer: give a short answer (Yes, No, N/A), a long answer or both.' };
  if (longAnswer.length > LIMITS.longAnswer)
    return { reason: `The long answer is ${longAnswer.length} characters long; at most ${LIMITS.longAnswer} fit.` };
  const variants = map.variants.flatMap((i) => splitVariants(cell(i)));
  if (variants.length > LIMITS.variants) return { reason: `${variants.length} variants; an entry takes at most ${LIMITS.variants}.` };
  const longVariant = variants.find((v) => v.length > LIMITS.question);
  if (longVariant) return { reason: `A variant is ${longVariant.length} characters long; at most ${LIMITS.question} fit.` };
  const productArea = map.single.productArea === undefined ? undefined : cell(map.single.productArea) || null;
  if (productArea && productArea.length > LIMITS.productArea)
    return { reason: `The product area is longer than ${LIMITS.productArea} characters.` };
  const tags = map.single.tags === undefined ? undefined : cleanTags(splitTags(cell(map.single.tags)));
  if (tags && tags.length > LIMITS.tags) return { reason: `${tags.length} tags; an entry takes at most ${LIMITS.tags}.` };
  const longTag = tags?.find((t) => t.length > LIMITS.tag);
  if (longTag) return { reason: `The tag "${longTag.slice(0, 40)}…" is longer than ${LIMITS.tag} characters.` };
  let reviewIntervalDays: number | undefined;
  const rawInterval = cell(map.single.reviewIntervalDays);
  if (rawInterval) {
    reviewIntervalDays = Number(rawInterval);
    if (!Number.isInteger(reviewIntervalDays) || reviewIntervalDays < 1 || reviewIntervalDays > 1095)
      return { reason: `The review interval "${rawInterval.slice(0, 20)}" is not a whole number of days from 1 to 1,095.` };
  }
  return {
    row: r.row,
    question,
    variants,
    shortAnswer,
    longAnswer: longAnswer || null,
    productArea,
    tags,
    ownerEmail: cell(map.single.ownerEmail).toLowerCase() || null,
    reviewIntervalDays,
  };
}

/** Existing entries by question key: the live one (not archived) most recently changed, else an archived one. */
async function existingByKey(db: Kysely<Database>, keys: string[]): Promise<Map<string, EntryRow>> {
  const out = new Map<string, EntryRow>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('library_entries')
      .selectAll()
      .where('question_key', 'in', keys.slice(i, i + 500))
      .execute();
    const rank = (r: EntryRow) => (r.status === 'archived' ? 0 : 1);
    for (const r of rows) {
      const held = out.get(r.question_key);
      if (!held || rank(r) > rank(held) || (rank(r) === rank(held) && r.updated_at > held.updated_at)) out.set(r.question_key, r);
    }
  }
  return out;
}

/** Members named by e-mail in the sheet: active ones by address. */
async function ownersByEmail(db: Kysely<Database>, emails: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const email of new Set(emails)) {
    const m = await findMemberRowByEmail(db, email);
    if (m && m.status === 'active') out.set(email, m.id);
  }
  return out;
}

/**
 * Imports a library spreadsheet. New entries take `status` (approved needs presales.manage) and
 * the owner the row names (else the importer); rows whose question matches an entry update it.
 */
export async function importLibrary(
  db: Kysely<Database>,
  caller: LibraryCaller,
  file: { filename: string; content: Buffer },
  options: { status: 'draft' | 'approved'; sheet?: string | undefined },
): Promise<LibraryImportReport> {
  if (options.status === 'approved' && !libraryPolicy.createApproved(caller)) throw errors.libraryApproveNeedsManager();
  const sheets = await readUploadedSheets(file);
  const { sheet, headerAt, map } = locateTable(sheets, options.sheet);
  const dataRows = sheet.rows.slice(headerAt + 1);
  if (dataRows.filter((r) => r.cells.some((c) => c.trim() !== '')).length > IMPORT_MAX_ROWS)
    throw errors.libraryImportTooManyRows({ rows: dataRows.length, limit: IMPORT_MAX_ROWS });

  const report: ReportRow[] = [];
  const parsed: ParsedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of dataRows) {
    const p = parseRow(r, map);
    if ('reason' in p) {
      report.push({ row: r.row, outcome: 'skipped', question: null, entryId: null, reason: p.reason });
      continue;
    }
    const key = questionKey(p.question);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      report.push({
        row: r.row,
        outcome: 'skipped',
        question: p.question,
        entryId: null,
        reason: `Same question as row ${first}, which is imported instead.`,
      });
      continue;
    }
    firstRowOf.set(key, r.row);
    parsed.push(p);
  }

  const [existing, owners] = await Promise.all([
    existingByKey(db, [...firstRowOf.keys()]),
    ownersByEmail(
      db,
      parsed.flatMap((p) => (p.ownerEmail ? [p.ownerEmail] : [])),
    ),
  ]);
  const ownerNote = (p: ParsedRow) =>
    p.ownerEmail && !owners.has(p.ownerEmail) ? `Owner ${p.ownerEmail} is not an active member, so the owner was left unchanged.` : null;

  const fresh: { p: ParsedRow; values: NewEntryValues; note: string | null }[] = [];
  const updates: { p: ParsedRow; row: EntryRow; note: string | null }[] = [];
  for (const p of parsed) {
    const row = existing.get(questionKey(p.question));
    if (!row) {
      const note =
        p.ownerEmail && !owners.has(p.ownerEmail) ? `Owner ${p.ownerEmail} is not an active member: you own this entry for now.` : null;
      fresh.push({
        p,
        note,
        values: {
          question: p.question,
          variants: p.variants,
          shortAnswer: p.shortAnswer,
          longAnswer: p.longAnswer ?? '',
          productArea: p.productArea ?? null,
          tags: p.tags ?? [],
          ownerId: (p.ownerEmail && owners.get(p.ownerEmail)) || caller.memberId,
          status: options.status,
          ...(p.reviewIntervalDays !== undefined && { reviewIntervalDays: p.reviewIntervalDays }),
        },
      });
    } else if (row.status === 'archived') {
      report.push({
        row: p.row,
        outcome: 'skipped',
        question: p.question,
        entryId: row.id,
        reason: 'An archived entry has this question: restore it first (or word the question differently) to import over it.',
      });
    } else if (!libraryPolicy.edit(row, caller)) {
      report.push({
        row: p.row,
        outcome: 'skipped',
        question: p.question,
        entryId: row.id,
        reason: 'An approved entry has this question; only its owner or a library manager can overwrite it.',
      });
    } else updates.push({ p, row, note: ownerNote(p) });
  }

  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const ids = await insertEntries(
      trx,
      fresh.map((f) => f.values),
      caller.memberId,
      now,
    );
    for (const [i, f] of fresh.entries()) {
      const v = f.values;
      await recordAudit(trx, caller.ctx, {
        action: 'library_entry.created',
        recordType: 'library_entry',
        recordId: ids[i]!,
        changes: diff(null, {
          question: v.question,
          short_answer: v.shortAnswer,
          long_answer: v.longAnswer,
          product_area: v.productArea,
          tags: v.tags,
          owner_id: v.ownerId,
          status: v.status,
          variants: cleanVariants(v.question, v.variants ?? []),
          imported_from: file.filename,
        }),
      });
      report.push({ row: f.p.row, outcome: 'imported', question: f.p.question, entryId: ids[i]!, reason: f.note });
    }
    for (const u of updates) {
      await applyImportUpdate(trx, caller, u.row, u.p, owners, now, file.filename);
      report.push({ row: u.p.row, outcome: 'updated', question: u.p.question, entryId: u.row.id, reason: u.note });
    }
    if (updates.length) await bumpLibraryVersion(trx);
  });

  report.sort((a, b) => a.row - b.row);
  const count = (o: ReportRow['outcome']) => report.filter((r) => r.outcome === o).length;
  return {
    imported: count('imported'),
    updated: count('updated'),
    skipped: count('skipped'),
    sheet: sheet.name,
    columns: map.columns.map((c) => ({ column: columnLetter(c.index), header: c.header, field: c.field })),
    rows: report,
  };
}

/** Updates an entry from an import row: new variants are added, the answers and fields the row gives replace the entry's. */
async function applyImportUpdate(
  trx: Kysely<Database>,
  caller: LibraryCaller,
  row: EntryRow,
  p: ParsedRow,
  owners: Map<string, string>,
  now: string,
  filename: string,
): Promise<void> {
  const known = await trx
    .selectFrom('library_entry_variants')
    .select(['text', 'position'])
    .where('entry_id', '=', row.id)
    .orderBy('position')
    .execute();
  const added = cleanVariants(row.question, [...known.map((v) => v.text), ...p.variants]).slice(known.length);
  const ownerId = p.ownerEmail ? (owners.get(p.ownerEmail) ?? row.owner_id) : row.owner_id;
  const interval = p.reviewIntervalDays ?? Number(row.review_interval_days);
  const next = {
    short_answer: p.shortAnswer ?? row.short_answer,
    long_answer: p.longAnswer ?? row.long_answer,
    product_area: p.productArea === undefined ? row.product_area : p.productArea,
    tags: p.tags === undefined ? row.tags : JSON.stringify(p.tags),
    owner_id: ownerId,
    review_interval_days: interval,
    review_due_at: reviewDueAt(row.last_reviewed_at ?? row.approved_at ?? row.created_at, interval),
  };
  await trx
    .updateTable('library_entries')
    .set({ ...next, updated_at: now })
    .where('id', '=', row.id)
    .execute();
  if (added.length) {
    const start = (known.at(-1)?.position ?? -1) + 1;
    await trx
      .insertInto('library_entry_variants')
      .values(added.map((text, i) => ({ id: newId(), entry_id: row.id, text, position: start + i, created_at: now })))
      .execute();
  }
  const before = {
    short_answer: row.short_answer,
    long_answer: row.long_answer,
    product_area: row.product_area,
    tags: row.tags,
    owner_id: row.owner_id,
    review_interval_days: Number(row.review_interval_days),
    review_due_at: row.review_due_at,
    variants: known.map((v) => v.text),
  };
  await recordAudit(trx, caller.ctx, {
    action: 'library_entry.updated',
    recordType: 'library_entry',
    recordId: row.id,
    changes: { ...diff(before, { ...next, variants: [...known.map((v) => v.text), ...added] }), imported_from: [null, filename] },
  });
}
