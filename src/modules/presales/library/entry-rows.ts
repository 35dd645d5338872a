import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { bumpLibraryVersion } from './library-index.js';
import { DEFAULT_REVIEW_INTERVAL_DAYS, reviewDueAt } from './review-schedule.js';
import type { LibraryEntriesTable, LibraryEntryStatus, LibraryShortAnswer } from './tables.js';
import { questionKey } from './text-terms.js';

/** One entry to write in bulk (import, seeds, the benchmark). */
export interface NewEntryValues {
  question: string;
  variants?: readonly string[];
  shortAnswer?: LibraryShortAnswer | null;
  longAnswer?: string;
  productArea?: string | null;
  tags?: readonly string[];
  ownerId?: string | null;
  status?: LibraryEntryStatus;
  reviewIntervalDays?: number;
  /** When the entry was last reviewed; defaults to now for approved entries. */
  lastReviewedAt?: string | null;
  sourceQuestionId?: string | null;
  /** For migrations from another tool (and the demo): how often the answer was used before. */
  usageCount?: number;
  lastUsedAt?: string | null;
}

/** The row of a new entry; approval counts as its first review. */
export function newEntryRow(v: NewEntryValues, actorId: string | null, now: string): Insertable<LibraryEntriesTable> {
  const status = v.status ?? 'draft';
  const interval = v.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS;
  const lastReviewedAt = v.lastReviewedAt !== undefined ? v.lastReviewedAt : status === 'approved' ? now : null;
  return {
    id: newId(),
    question: v.question,
    question_key: questionKey(v.question),
    short_answer: v.shortAnswer ?? null,
    long_answer: v.longAnswer ?? '',
    product_area: v.productArea ?? null,
    tags: JSON.stringify(v.tags ?? []),
    owner_id: v.ownerId ?? null,
    status,
    review_interval_days: interval,
    last_reviewed_at: lastReviewedAt,
    last_reviewed_by: lastReviewedAt ? actorId : null,
    review_due_at: reviewDueAt(lastReviewedAt ?? now, interval),
    stale_notified_due_at: null,
    usage_count: v.usageCount ?? 0,
    last_used_at: v.lastUsedAt ?? null,
    source_question_id: v.sourceQuestionId ?? null,
    approved_at: status === 'approved' ? (lastReviewedAt ?? now) : null,
    approved_by: status === 'approved' ? actorId : null,
    created_by: actorId,
    // An entry brought in with an earlier review date (a migration, the demo) existed by then.
    created_at: lastReviewedAt && lastReviewedAt < now ? lastReviewedAt : now,
    updated_at: now,
  };
}

/** Distinct, trimmed variants that differ from the question and each other (case and spacing aside). */
export function cleanVariants(question: string, variants: readonly string[]): string[] {
  const seen = new Set([questionKey(question)]);
  const out: string[] = [];
  for (const raw of variants) {
    const text = raw.trim();
    const key = questionKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/** Rows per insert statement: PostgreSQL allows 65,535 bound values, SQLite 32,766; entries have 23 columns. */
const CHUNK = 500;

/**
 * Inserts entries with their variants in a few multi-row statements and bumps the library version.
 * Call inside a transaction. Returns the new ids in input order.
 */
export async function insertEntries(
  trx: Kysely<Database>,
  values: readonly NewEntryValues[],
  actorId: string | null,
  now: string,
): Promise<string[]> {
  const rows = values.map((v) => newEntryRow(v, actorId, now));
  const variants = values.flatMap((v, i) =>
    cleanVariants(v.question, v.variants ?? []).map((text, position) => ({
      id: newId(),
      entry_id: rows[i]!.id,
      text,
      position,
      created_at: now,
    })),
  );
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('library_entries')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < variants.length; i += CHUNK * 2)
    await trx
      .insertInto('library_entry_variants')
      .values(variants.slice(i, i + CHUNK * 2))
      .execute();
  if (rows.length) await bumpLibraryVersion(trx);
  return rows.map((r) => r.id);
}
