import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestStatus } from '../contract/kinds.js';
import { foldWords, significantWords } from '../feedback-text.js';

export interface Suggestion {
  id: string;
  title: string;
  status: RequestStatus;
  /** The matched words, for the triager: why this request was suggested. */
  words: string[];
  score: number;
}

const CANDIDATES = 200;

/**
 * The requests an item most resembles: its significant words matched against each live request's
 * title, description and linked items' words (feature_requests.search_text). A word in the title
 * weighs three times one elsewhere; longer shared words say more than short ones.
 */
export async function suggestRequests(db: Kysely<Database>, text: string, max = 3): Promise<Suggestion[]> {
  const words = significantWords(text);
  if (!words.length) return [];
  const anyWord = sql<SqlBool>`(${sql.join(
    words.map((w) => sql`search_text like ${`% ${w}%`}`),
    sql` or `,
  )})`;
  const rows = await db
    .selectFrom('feature_requests')
    .select(['id', 'title', 'status', 'search_text'])
    .where('merged_into_id', 'is', null)
    .where(anyWord)
    .limit(CANDIDATES)
    .execute();
  return rows
    .map((r) => {
      const titleWords = new Set(foldWords(r.title));
      const matched = words.filter((w) => r.search_text.includes(` ${w}`));
      const score = matched.reduce((sum, w) => sum + (titleWords.has(w) ? 3 : 1) * Math.min(w.length, 10), 0);
      return { id: r.id, title: r.title, status: r.status, words: matched, score };
    })
    .filter((s) => s.words.length > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .slice(0, max);
}
