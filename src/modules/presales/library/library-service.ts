import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { memberRefs } from '../../team/index.js';
import {
  addVariantBody,
  createLibraryEntryBody,
  reviewLibraryEntryBody,
  updateLibraryEntryBody,
  type CreateLibraryEntryInput,
  type LibraryEntry,
  type ReviewLibraryEntryInput,
  type UpdateLibraryEntryInput,
} from '../contract/library.js';
import { cleanVariants, insertEntries, type NewEntryValues } from './entry-rows.js';
import { bumpLibraryVersion } from './library-index.js';
import { findEntryRow, getEntry, type EntryRow } from './library-reads.js';
import { libraryPolicy, type LibraryCaller } from './policy.js';
import { reviewDueAt } from './review-schedule.js';
import type { LibraryEntriesTable } from './tables.js';
import { questionKey } from './text-terms.js';

/**
 * Writing the answer library: entries, their variants, approval, review and archiving. Every
 * write is audited and bumps the library version (so the search index is rebuilt) in its
 * transaction. Who may do what is ./policy.ts.
 */

type Trx = Kysely<Database>;

/** Tags trimmed, first spelling kept when two differ only in case. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

async function checkOwner(db: Trx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const m = (await memberRefs(db, [ownerId])).get(ownerId);
  if (!m || m.status !== 'active') throw errors.libraryOwnerUnknown({ field: 'ownerId' });
}

/** A snapshot of an entry for the audit log: its fields and its variants. */
async function auditShape(db: Trx, id: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const variants = await db.selectFrom('library_entry_variants').select('text').where('entry_id', '=', id).orderBy('position').execute();
  const { created_at: _c, question_key: _k, stale_notified_due_at: _n, usage_count: _u, last_used_at: _l, ...fields } = row;
  return { ...fields, variants: variants.map((v) => v.text) };
}

async function audited(db: Trx, ctx: LibraryCaller['ctx'], id: string, action: string, change: () => Promise<void>): Promise<void> {
  const before = await auditShape(db, id);
  await change();
  await bumpLibraryVersion(db);
  const changes = diff(before, await auditShape(db, id));
  if (Object.keys(changes).length || action !== 'library_entry.updated')
    await recordAudit(db, ctx, { action, recordType: 'library_entry', recordId: id, changes });
}

async function replaceVariants(db: Trx, entryId: string, question: string, list: readonly string[]): Promise<void> {
  await db.deleteFrom('library_entry_variants').where('entry_id', '=', entryId).execute();
  const clean = cleanVariants(question, list);
  if (clean.length) {
    const at = nowIso();
    await db
      .insertInto('library_entry_variants')
      .values(clean.map((text, position) => ({ id: newId(), entry_id: entryId, text, position, created_at: at })))
      .execute();
  }
}

/**
 * Creates an entry (a draft unless a manager approves it at once); the owner defaults to the
 * caller. Also the "add to library" of an approved questionnaire answer (`sourceQuestionId`).
 */
export async function createEntry(db: Kysely<Database>, caller: LibraryCaller, input: CreateLibraryEntryInput): Promise<LibraryEntry> {
  const b = createLibraryEntryBody.parse(input);
  if (!libraryPolicy.create(caller)) throw errors.forbidden('presales.write');
  if (b.status === 'approved' && !libraryPolicy.createApproved(caller)) throw errors.libraryApproveNeedsManager();
  const ownerId = b.ownerId === undefined ? caller.memberId : b.ownerId;
  const id = await inTransaction(db, async (trx) => {
    await checkOwner(trx, ownerId);
    const [id] = await insertEntries(trx, [{ ...b, tags: cleanTags(b.tags), ownerId }], caller.memberId, nowIso());
    await recordAudit(trx, caller.ctx, {
      action: 'library_entry.created',
      recordType: 'library_entry',
      recordId: id!,
      changes: diff(null, await auditShape(trx, id!)),
    });
    return id!;
  });
  return getEntry(db, caller, id);
}

/**
 * Writes many entries at once as they are (status, review dates, usage), audited one by one: for
 * the demo workspace, migrations from another tool and the benchmark. No policy applies — the
 * caller is the system.
 */
export async function createEntriesInBulk(
  db: Kysely<Database>,
  ctx: LibraryCaller['ctx'],
  values: readonly NewEntryValues[],
  now: string = nowIso(),
): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const ids = await insertEntries(trx, values, ctx.memberId, now);
    for (const [i, id] of ids.entries()) {
      const { usageCount: _u, lastUsedAt: _l, ...shown } = values[i]!;
      await recordAudit(trx, ctx, {
        action: 'library_entry.created',
        recordType: 'library_entry',
        recordId: id,
        changes: diff(null, shown),
      });
    }
    return ids;
  });
}

type EditValues = ReturnType<typeof updateLibraryEntryBody.parse> | ReturnType<typeof reviewLibraryEntryBody.parse>;

/** Applies the edit fields of an update or a review to the entry row and its variants. */
async function applyEdits(trx: Trx, row: EntryRow, b: EditValues, extra: Updateable<LibraryEntriesTable> = {}): Promise<void> {
  if (b.ownerId !== undefined) await checkOwner(trx, b.ownerId);
  const question = b.question ?? row.question;
  const interval = b.reviewIntervalDays ?? Number(row.review_interval_days);
  const lastReviewedAt = extra.last_reviewed_at !== undefined ? extra.last_reviewed_at : row.last_reviewed_at;
  const dueAt = reviewDueAt((lastReviewedAt as string | null) ?? row.approved_at ?? row.created_at, interval);
  await trx
    .updateTable('library_entries')
    .set({
      ...(b.question !== undefined && { question: b.question, question_key: questionKey(b.question) }),
      ...(b.shortAnswer !== undefined && { short_answer: b.shortAnswer }),
      ...(b.longAnswer !== undefined && { long_answer: b.longAnswer }),
      ...(b.productArea !== undefined && { product_area: b.productArea || null }),
      ...(b.tags !== undefined && { tags: JSON.stringify(cleanTags(b.tags)) }),
      ...(b.ownerId !== undefined && { owner_id: b.ownerId }),
      review_interval_days: interval,
      review_due_at: dueAt,
      ...extra,
      updated_at: nowIso(),
    })
    .where('id', '=', row.id)
    .execute();
  if (b.variants !== undefined) await replaceVariants(trx, row.id, question, b.variants);
  else if (b.question !== undefined) {
    // A variant that now reads like the question itself is dropped.
    const kept = await trx.selectFrom('library_entry_variants').select('text').where('entry_id', '=', row.id).orderBy('position').execute();
    await replaceVariants(
      trx,
      row.id,
      question,
      kept.map((v) => v.text),
    );
  }
}

export async function updateEntry(
  db: Kysely<Database>,
  caller: LibraryCaller,
  id: string,
  input: UpdateLibraryEntryInput,
): Promise<LibraryEntry> {
  const b = updateLibraryEntryBody.parse(input);
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status === 'archived')
      throw errors.libraryStatusConflict('This entry is archived: restore it to a draft before editing it.', { status: row.status });
    if (!libraryPolicy.edit(row, caller)) throw errors.libraryNotOwner();
    await audited(trx, caller.ctx, id, 'library_entry.updated', () => applyEdits(trx, row, b));
  });
  return getEntry(db, caller, id);
}

/**
 * The owner (or a manager) confirms an approved entry is still right, with any edits the review
 * made: the review clock restarts now, and the entry leaves the review queue.
 */
export async function reviewEntry(
  db: Kysely<Database>,
  caller: LibraryCaller,
  id: string,
  input: ReviewLibraryEntryInput,
): Promise<LibraryEntry> {
  const b = reviewLibraryEntryBody.parse(input);
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status !== 'approved')
      throw errors.libraryStatusConflict(
        row.status === 'draft'
          ? 'Only approved entries are reviewed: approve this draft instead.'
          : 'This entry is archived: restore and approve it instead of reviewing it.',
        { status: row.status },
      );
    if (!libraryPolicy.review(row, caller)) throw errors.libraryNotOwner();
    const now = nowIso();
    await audited(trx, caller.ctx, id, 'library_entry.reviewed', () =>
      applyEdits(trx, row, b, { last_reviewed_at: now, last_reviewed_by: caller.memberId, stale_notified_due_at: null }),
    );
  });
  return getEntry(db, caller, id);
}

/** Approves a draft (managers only): approval is its first review, so the review clock starts now. */
export async function approveEntry(db: Kysely<Database>, caller: LibraryCaller, id: string): Promise<LibraryEntry> {
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status !== 'draft')
      throw errors.libraryStatusConflict(
        row.status === 'approved' ? 'This entry is already approved.' : 'This entry is archived: restore it to a draft, then approve it.',
        { status: row.status },
      );
    if (!libraryPolicy.approve(row, caller)) throw errors.libraryApproveNeedsManager();
    const now = nowIso();
    await audited(trx, caller.ctx, id, 'library_entry.approved', async () => {
      await trx
        .updateTable('library_entries')
        .set({
          status: 'approved',
          approved_at: now,
          approved_by: caller.memberId,
          last_reviewed_at: now,
          last_reviewed_by: caller.memberId,
          review_due_at: reviewDueAt(now, Number(row.review_interval_days)),
          stale_notified_due_at: null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    });
  });
  return getEntry(db, caller, id);
}

/** Archives an entry (owner or manager): it leaves search, auto-fill and the review queue, keeping its history. */
export async function archiveEntry(db: Kysely<Database>, caller: LibraryCaller, id: string): Promise<LibraryEntry> {
  return setStatus(db, caller, id, 'archived');
}

/** Restores an archived entry as a draft (owner or manager), to be edited and approved again. */
export async function restoreEntry(db: Kysely<Database>, caller: LibraryCaller, id: string): Promise<LibraryEntry> {
  return setStatus(db, caller, id, 'draft');
}

async function setStatus(db: Kysely<Database>, caller: LibraryCaller, id: string, to: 'archived' | 'draft'): Promise<LibraryEntry> {
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (to === 'archived' && row.status === 'archived')
      throw errors.libraryStatusConflict('This entry is already archived.', { status: row.status });
    if (to === 'draft' && row.status !== 'archived')
      throw errors.libraryStatusConflict('Only archived entries are restored.', { status: row.status });
    const allowed = to === 'archived' ? libraryPolicy.archive(row, caller) : libraryPolicy.restore(row, caller);
    if (!allowed) throw errors.libraryNotOwner();
    await audited(trx, caller.ctx, id, to === 'archived' ? 'library_entry.archived' : 'library_entry.restored', async () => {
      await trx.updateTable('library_entries').set({ status: to, updated_at: nowIso() }).where('id', '=', id).execute();
    });
  });
  return getEntry(db, caller, id);
}

/** Deletes a draft nobody has used (a mistake); anything else is archived instead. */
export async function deleteEntry(db: Kysely<Database>, caller: LibraryCaller, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status !== 'draft' || Number(row.usage_count) > 0) throw errors.libraryDeleteInUse({ status: row.status });
    if (!libraryPolicy.delete(row, caller)) throw errors.libraryNotOwner();
    const before = await auditShape(trx, id);
    await trx.deleteFrom('library_entry_variants').where('entry_id', '=', id).execute();
    await trx.deleteFrom('library_entries').where('id', '=', id).execute();
    await bumpLibraryVersion(trx);
    await recordAudit(trx, caller.ctx, {
      action: 'library_entry.deleted',
      recordType: 'library_entry',
      recordId: id,
      changes: diff(before, null),
    });
  });
}

/** Adds one phrasing of the entry's question. */
export async function addVariant(db: Kysely<Database>, caller: LibraryCaller, id: string, input: { text: string }): Promise<LibraryEntry> {
  const { text } = addVariantBody.parse(input);
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status === 'archived')
      throw errors.libraryStatusConflict('This entry is archived: restore it to a draft before editing it.', { status: row.status });
    if (!libraryPolicy.edit(row, caller)) throw errors.libraryNotOwner();
    const existing = await trx
      .selectFrom('library_entry_variants')
      .select(['text', 'position'])
      .where('entry_id', '=', id)
      .orderBy('position')
      .execute();
    const key = questionKey(text);
    if (key === row.question_key || existing.some((v) => questionKey(v.text) === key))
      throw errors.libraryVariantDuplicate({ field: 'text' });
    await audited(trx, caller.ctx, id, 'library_entry.updated', async () => {
      await trx
        .insertInto('library_entry_variants')
        .values({ id: newId(), entry_id: id, text, position: (existing.at(-1)?.position ?? -1) + 1, created_at: nowIso() })
        .execute();
      await trx.updateTable('library_entries').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    });
  });
  return getEntry(db, caller, id);
}

export async function removeVariant(db: Kysely<Database>, caller: LibraryCaller, id: string, variantId: string): Promise<LibraryEntry> {
  await inTransaction(db, async (trx) => {
    const row = await findEntryRow(trx, id);
    if (row.status === 'archived')
      throw errors.libraryStatusConflict('This entry is archived: restore it to a draft before editing it.', { status: row.status });
    if (!libraryPolicy.edit(row, caller)) throw errors.libraryNotOwner();
    const variant = await trx
      .selectFrom('library_entry_variants')
      .select('id')
      .where('id', '=', variantId)
      .where('entry_id', '=', id)
      .executeTakeFirst();
    if (!variant) throw errors.libraryVariantNotFound();
    await audited(trx, caller.ctx, id, 'library_entry.updated', async () => {
      await trx.deleteFrom('library_entry_variants').where('id', '=', variantId).execute();
      await trx.updateTable('library_entries').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    });
  });
  return getEntry(db, caller, id);
}
