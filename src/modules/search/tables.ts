import type { Generated } from 'kysely';
import { SEARCH_TYPES, type SearchType } from './contract/kinds.js';

/** The search index's tables (merged into the one `Database` interface in src/db/schema.ts). */
export interface SearchTables {
  search_documents: SearchDocumentsTable;
}

export { SEARCH_TYPES, type SearchType };

/**
 * One searchable record. `heading`, `keywords` and `body` are the indexed text, weighted in that
 * order; `title` is what a result shows (for a message, its ticket's subject, which is not indexed
 * on the message so that a message never ranks as a title hit). PostgreSQL adds a `document`
 * tsvector column, written only by postgres-index.ts.
 */
export interface SearchDocumentsTable {
  id: Generated<number>;
  doc_type: SearchType;
  doc_id: string;
  title: string;
  heading: string;
  keywords: string;
  body: string;
  account_id: string | null;
  /** The ticket a ticket or message document belongs to (the result's link target). */
  ticket_id: string | null;
  /** An article's status (draft, published, archived) or a collateral item's (current, archived); null for the other types. */
  status: string | null;
  /** `internal` documents (notes, CRM records, internal articles) never reach the portal. */
  visibility: 'public' | 'internal';
  updated_at: string;
}
