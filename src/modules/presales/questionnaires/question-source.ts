import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** What a feedback item captured from a questionnaire question links back to. */
export interface QuestionSource {
  accountId: string | null;
  label: string;
  url: string;
}

/**
 * A questionnaire question as a feedback source (the feedback module reads it through its port).
 * Null when no question has this id. Placeholder until the questionnaires area is built.
 */
export async function questionnaireQuestionSource(db: Kysely<Database>, id: string): Promise<QuestionSource | null> {
  void db;
  void id;
  return null;
}
