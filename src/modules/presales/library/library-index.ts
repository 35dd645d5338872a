import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { readSetting, writeSetting } from '../../../kernel/settings.js';
import type { LibraryEntryStatus, LibraryShortAnswer } from './tables.js';
import { Bm25Index, queryTerms } from './bm25.js';
import { termsOf } from './text-terms.js';

/**
 * The in-memory full-text index over the answer library (BM25+, ./bm25.ts), shared by the library
 * search and the questionnaire auto-fill. Building it reads every entry once, so it is cached and
 * rebuilt only when the library changed: every entry write stores a fresh random version token in the settings table in its own transaction, and each
 * use reads that token (one indexed read) — so several app processes on one PostgreSQL each notice
 * another's write on their next use.
 */

const VERSION_KEY = 'presales.library.version';

/**
 * How much an entry's answer adds to its best-matching phrasing: questions are matched mainly on
 * questions (as Loopio and Responsive do), the answer breaks ties and lifts a partly matching one.
 */
export const ANSWER_WEIGHT = 0.2;

/** What the index keeps of an entry, to filter and show results without another read. */
export interface IndexedEntry {
  id: string;
  question: string;
  shortAnswer: LibraryShortAnswer | null;
  longAnswer: string;
  status: LibraryEntryStatus;
  reviewDueAt: string;
  ownerId: string | null;
  productArea: string | null;
  tags: string[];
  updatedAt: string;
}

export interface LibraryIndex {
  /** Entries in index order: entry number n is `entries[n]`. */
  entries: IndexedEntry[];
  byId: Map<string, IndexedEntry>;
  /** One document per phrasing (the question and each variant). */
  phrasings: Bm25Index;
  /** The entry number of each phrasing document. */
  phrasingEntry: Int32Array;
  /** One document per entry (its long answer); document n is entry n. */
  answers: Bm25Index;
  /** Score accumulators reused by every search (per phrasing, per entry): searches are synchronous, so never shared. */
  phrasingScratch: Float64Array;
  entryScratch: Float64Array;
  answerScratch: Float64Array;
  /** The entries whose `entryScratch` cells the last search set. */
  entryScratchUsed: number[];
}

/** Marks the library as changed; call inside every transaction that writes entries or variants. */
export async function bumpLibraryVersion(trx: Kysely<Database>): Promise<void> {
  await writeSetting(trx, VERSION_KEY, newId());
}

/**
 * Each entry's terms (question, variants, answer) by id, kept across rebuilds while the entry's
 * `updated_at` stays the same: after one write, a rebuild tokenizes one entry, not ten thousand.
 * Every write that changes an entry's text or variants moves its `updated_at`.
 */
interface EntryTerms {
  updatedAt: string;
  phrasings: string[][];
  answer: string[];
}
const termCache = new Map<string, EntryTerms>();
const TERM_CACHE_LIMIT = 100_000;

async function buildIndex(db: Kysely<Database>): Promise<LibraryIndex> {
  const [rows, variants] = await Promise.all([
    db
      .selectFrom('library_entries')
      .select([
        'id',
        'question',
        'short_answer',
        'long_answer',
        'status',
        'review_due_at',
        'owner_id',
        'product_area',
        'tags',
        'updated_at',
      ])
      .orderBy('id')
      .execute(),
    db.selectFrom('library_entry_variants').select(['entry_id', 'text']).orderBy('entry_id').orderBy('position').execute(),
  ]);
  const variantsOf = new Map<string, string[]>();
  for (const v of variants) {
    const list = variantsOf.get(v.entry_id);
    if (list) list.push(v.text);
    else variantsOf.set(v.entry_id, [v.text]);
  }
  if (termCache.size > TERM_CACHE_LIMIT) termCache.clear();
  const entries: IndexedEntry[] = [];
  const byId = new Map<string, IndexedEntry>();
  const phrasings = new Bm25Index();
  const answers = new Bm25Index();
  const phrasingEntry: number[] = [];
  for (const r of rows) {
    const entry: IndexedEntry = {
      id: r.id,
      question: r.question,
      shortAnswer: r.short_answer,
      longAnswer: r.long_answer,
      status: r.status,
      reviewDueAt: r.review_due_at,
      ownerId: r.owner_id,
      productArea: r.product_area,
      tags: JSON.parse(r.tags) as string[],
      updatedAt: r.updated_at,
    };
    let terms = termCache.get(r.id);
    if (!terms || terms.updatedAt !== r.updated_at) {
      terms = {
        updatedAt: r.updated_at,
        phrasings: [r.question, ...(variantsOf.get(r.id) ?? [])].map(termsOf),
        answer: termsOf(r.long_answer),
      };
      termCache.set(r.id, terms);
    }
    const n = entries.length;
    entries.push(entry);
    byId.set(r.id, entry);
    for (const p of terms.phrasings) {
      phrasings.add(p);
      phrasingEntry.push(n);
    }
    answers.add(terms.answer);
  }
  phrasings.freeze();
  answers.freeze();
  return {
    entries,
    byId,
    phrasings,
    phrasingEntry: Int32Array.from(phrasingEntry),
    answers,
    phrasingScratch: new Float64Array(phrasings.size),
    entryScratch: new Float64Array(entries.length),
    answerScratch: new Float64Array(entries.length),
    entryScratchUsed: [],
  };
}

/** Built indexes by version key; a few, for tests that hold several databases in one process. */
const cache = new Map<string, Promise<LibraryIndex>>();
const CACHE_SIZE = 4;

/**
 * The index of the library as it is now: the cached one when the version token and the entry count
 * are those it was built at (the count guards against rows written without the service), else a
 * fresh build. Concurrent callers share one build.
 */
export async function libraryIndex(db: Kysely<Database>): Promise<LibraryIndex> {
  const [token, count] = await Promise.all([
    readSetting<string | null>(db, VERSION_KEY, null),
    db
      .selectFrom('library_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  // Without a token (nothing written through the service yet) only the count identifies the
  // state, which two databases share: key those builds by the handle too.
  const key = `${token ?? `unversioned:${dbTag(db)}`}:${Number(count.n)}`;
  let built = cache.get(key);
  if (!built) {
    built = buildIndex(db);
    cache.set(key, built);
    built.catch(() => cache.delete(key));
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  } else {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(key);
    cache.set(key, built);
  }
  return built;
}

const tags = new WeakMap<object, string>();
function dbTag(db: Kysely<Database>): string {
  let tag = tags.get(db);
  if (!tag) {
    tag = newId();
    tags.set(db, tag);
  }
  return tag;
}

export interface RankedEntry {
  entry: IndexedEntry;
  /** Relevance 0–100 (see `scoreEntries`). */
  score: number;
}

export interface RankOptions {
  /** Which entries may be returned. */
  accept: (entry: IndexedEntry) => boolean;
  /** Complete the last word as a prefix (search as you type). */
  prefixLast?: boolean;
}

/** Query terms that stand for the last, unfinished word: indexed terms it begins, counted at half weight. */
const PREFIX_WEIGHT = 0.5;
const PREFIX_EXPANSIONS = 20;

interface EntryScores {
  /** Entry numbers that matched, each once. */
  matched: number[];
  /** Relevance 0–1 by entry number (valid for `matched` until the next search: the array is reused). */
  scores: Float64Array;
}

/**
 * Scores every entry sharing a term with `query`, 0–1, so that one threshold means the same for
 * every question:
 *
 * - A phrasing (the question or a variant) P scores its BM25+ score s(Q,P) against the query Q
 *   relative to both yardsticks: what Q would score against itself (how much of the question P
 *   covers) and what P scores against itself (how much of P the question covers), combined as
 *   √(min(1, s/self(Q)) × s/self(P)). A raw BM25 score grows with the number and rarity of the
 *   words, so a fixed cut on it would be strict for short questions and lax for long ones; the two
 *   ratios do not. Both matter: "How many employees do you have?" covers all of itself in "Are
 *   employees background checked?", but only a quarter of that phrasing.
 * - An entry takes its best phrasing, plus ANSWER_WEIGHT × how much of the question its answer
 *   covers (min(1, s(Q,A)/self(Q)) in the answer index), capped at 1.
 */
function scoreEntries(index: LibraryIndex, query: string, prefixLast: boolean, minPhrasing?: number): EntryScores {
  const words = termsOf(query);
  const terms = queryTerms(words);
  const selfQ = index.phrasings.selfScore(terms);
  const selfQA = index.answers.selfScore(terms);
  let weights: Map<string, number> | undefined;
  const last = words[words.length - 1];
  if (prefixLast && last && last.length >= 3) {
    weights = new Map();
    const expansions = index.phrasings
      .termsStartingWith(last, PREFIX_EXPANSIONS)
      .concat(index.answers.termsStartingWith(last, PREFIX_EXPANSIONS));
    for (const t of expansions) {
      if (!terms.has(t)) {
        terms.set(t, 1);
        weights.set(t, PREFIX_WEIGHT);
      }
    }
  }
  const scores = index.entryScratch;
  // The previous search's results stay readable until this one starts; clear them now.
  for (const n of index.entryScratchUsed) scores[n] = 0;
  const matched: number[] = [];
  index.entryScratchUsed = matched;
  if (selfQ <= 0) return { matched, scores };

  const phrasingScores = index.phrasingScratch;
  const phrasingsHit: number[] = [];
  index.phrasings.accumulate(terms, phrasingScores, phrasingsHit, 1, weights);
  const selfScores = index.phrasings.documentSelfScores();
  for (const p of phrasingsHit) {
    const s = phrasingScores[p]!;
    phrasingScores[p] = 0;
    const selfP = selfScores[p]!;
    if (selfP <= 0) continue;
    const similarity = Math.sqrt(Math.min(1, s / selfQ) * Math.min(1, s / selfP));
    const n = index.phrasingEntry[p]!;
    if (scores[n] === 0) matched.push(n);
    if (similarity > scores[n]!) scores[n] = similarity;
  }

  if (selfQA <= 0) return { matched, scores };
  if (minPhrasing !== undefined) {
    // Looking for the best entry above a threshold: only entries whose phrasing alone comes within
    // ANSWER_WEIGHT of it can get there, so only their answers are scored — a handful of documents
    // instead of every answer sharing a common word with the question.
    const known = index.answers.knownTerms(terms, weights);
    for (const n of matched) {
      if (scores[n]! < minPhrasing) continue;
      const coverage = Math.min(1, index.answers.scoreDocument(known, n) / selfQA);
      scores[n] = Math.min(1, scores[n]! + ANSWER_WEIGHT * coverage);
    }
    return { matched, scores };
  }
  const answerScores = index.answerScratch;
  const answersHit: number[] = [];
  index.answers.accumulate(terms, answerScores, answersHit, 1, weights);
  for (const n of answersHit) {
    const coverage = Math.min(1, answerScores[n]! / selfQA);
    answerScores[n] = 0;
    if (scores[n] === 0) matched.push(n);
    scores[n] = Math.min(1, scores[n]! + ANSWER_WEIGHT * coverage);
  }
  return { matched, scores };
}

const percent = (x: number) => Math.round(100 * x);

/** Entries matching `query`, best first, among those `accept` lets through. */
export function rankEntries(index: LibraryIndex, query: string, options: RankOptions): RankedEntry[] {
  const { matched, scores } = scoreEntries(index, query, options.prefixLast ?? false);
  const ranked: RankedEntry[] = [];
  for (const n of matched) {
    const entry = index.entries[n]!;
    if (options.accept(entry)) ranked.push({ entry, score: percent(scores[n]!) });
  }
  // Ties by question, plainly compared (localeCompare costs ten times as much on a 10,000-entry result).
  return ranked.sort(
    (a, b) => b.score - a.score || (a.entry.question < b.entry.question ? -1 : a.entry.question > b.entry.question ? 1 : 0),
  );
}

/**
 * The best entry for `query` among those `accept` lets through whose score reaches `threshold`
 * (0–100), or null.
 */
export function bestEntry(
  index: LibraryIndex,
  query: string,
  accept: (entry: IndexedEntry) => boolean,
  threshold: number,
): RankedEntry | null {
  const { matched, scores } = scoreEntries(index, query, false, threshold / 100 - ANSWER_WEIGHT);
  let best: { n: number; raw: number } | null = null;
  for (const n of matched) {
    const raw = scores[n]!;
    if (best && raw < best.raw) continue;
    const entry = index.entries[n]!;
    if (!accept(entry)) continue;
    // Ties go to the alphabetically first question, so the same library always gives the same answer.
    if (!best || raw > best.raw || entry.question < index.entries[best.n]!.question) best = { n, raw };
  }
  return best && percent(best.raw) >= threshold ? { entry: index.entries[best.n]!, score: percent(best.raw) } : null;
}
