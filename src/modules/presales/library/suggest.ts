import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { bestEntry, libraryIndex, type IndexedEntry } from './library-index.js';
import { isStale } from './review-schedule.js';

/** The best library entry for one question, when it scores above the threshold. */
export interface LibrarySuggestion {
  entryId: string;
  /** The entry's main question (the source shown beside the suggestion). */
  question: string;
  shortAnswer: string | null;
  longAnswer: string;
  /** Relevance, 0–100. */
  score: number;
  /** Past its review date: shown flagged, never taken as approved. */
  stale: boolean;
}

/**
 * The score (0–100) a suggestion must reach by default. Measured with 22 questionnaire questions
 * against the demo library: the right entry, asked in other words than any of its phrasings,
 * scored 51–81 (100 when asked in the same words); the best entry for a question the library does
 * not answer, sharing a word or two with it, 19–38.
 */
export const DEFAULT_SUGGESTION_THRESHOLD = 45;

/**
 * Ranks the answer library against each question (full text over every entry's question variants
 * and answer) and returns, per question in order, the best entry above the threshold or null.
 *
 * Only approved entries take part (a stale one — approved but past its review date — is returned
 * flagged `stale`); drafts and archived entries never do. The score (0–100) compares the question
 * with the entry's best-matching phrasing in both directions, relative to what each would score
 * against itself, plus a little for the answer: 100 is "asked in the same words", 50 "about half
 * the meaningful words in common" — the same for short and long questions (see
 * `scoreEntries` in ./library-index.ts).
 *
 * @example const [s] = await suggestAnswers(db, ['Is data encrypted at rest?'], { threshold: 45 });
 */
export async function suggestAnswers(
  db: Kysely<Database>,
  questions: readonly string[],
  options: { threshold?: number } = {},
): Promise<(LibrarySuggestion | null)[]> {
  const threshold = options.threshold ?? DEFAULT_SUGGESTION_THRESHOLD;
  if (questions.length === 0) return [];
  const index = await libraryIndex(db);
  const now = new Date();
  const accept = (e: IndexedEntry) => e.status === 'approved';
  return questions.map((question) => {
    const top = question.trim() ? bestEntry(index, question, accept, threshold) : null;
    if (!top || top.score === 0) return null;
    return {
      entryId: top.entry.id,
      question: top.entry.question,
      shortAnswer: top.entry.shortAnswer,
      longAnswer: top.entry.longAnswer,
      score: top.score,
      stale: isStale(top.entry, now),
    };
  });
}
