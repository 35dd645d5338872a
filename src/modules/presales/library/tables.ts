/** The answer library's tables (issue 16, migration 0028); merged into `Database` through ../tables.ts. */
export interface LibraryTables {
  library_entries: LibraryEntriesTable;
  library_entry_variants: LibraryEntryVariantsTable;
}

export type LibraryEntryStatus = 'draft' | 'approved' | 'archived';
export type LibraryShortAnswer = 'yes' | 'no' | 'n_a';

export interface LibraryEntriesTable {
  id: string;
  question: string;
  /** The question folded for matching "the same question" (import updates, duplicates): lower case, single spaces, no end punctuation. */
  question_key: string;
  short_answer: LibraryShortAnswer | null;
  /** Markdown (plain text is valid Markdown). */
  long_answer: string;
  product_area: string | null;
  /** JSON array of strings. */
  tags: string;
  owner_id: string | null;
  status: LibraryEntryStatus;
  review_interval_days: number;
  last_reviewed_at: string | null;
  last_reviewed_by: string | null;
  /** When the entry falls due for review: (last review, else creation) + interval; stored so "stale" is one indexed range. */
  review_due_at: string;
  /** The `review_due_at` the owner was last told about, so each staleness is announced once. */
  stale_notified_due_at: string | null;
  usage_count: number;
  last_used_at: string | null;
  /** The questionnaire question the entry was added from ("add to library"), if any. */
  source_question_id: string | null;
  approved_at: string | null;
  approved_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryEntryVariantsTable {
  id: string;
  entry_id: string;
  /** Another phrasing of the entry's question. */
  text: string;
  position: number;
  created_at: string;
}
