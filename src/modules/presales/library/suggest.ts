import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

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
 * Ranks the answer library against each question (full text over every entry's question variants
 * and answer) and returns, per question in order, the best entry above the threshold or null.
 * Placeholder until the library area is built (issue 16).
 */
export async function suggestAnswers(
  db: Kysely<Database>,
  questions: readonly string[],
  options: { threshold?: number } = {},
): Promise<(LibrarySuggestion | null)[]> {
  void db;
  void options;
  return questions.map(() => null);
}
