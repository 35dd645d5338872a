import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DialectName } from '../../db/dialect.js';
import type { SearchDocument } from './documents.js';
import type { ParsedQuery } from './query-text.js';
import type { SearchFilters } from './search-filters.js';
import type { SearchType } from './tables.js';

export type { SearchFilters };

/** A bounded count: `n` is exact when `exact`, else a lower bound. */
export interface TypeCount {
  n: number;
  exact: boolean;
}

/** One ranked match. The `…Marked` texts carry MARK_START/MARK_END around matched words. */
export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
  score: number;
  accountId: string | null;
  ticketId: string | null;
  status: string | null;
  visibility: 'public' | 'internal';
  updatedAt: string;
}

/**
 * What differs between the dialects' full-text engines, as one set of functions. Each adapter
 * holds only what its engine does differently (writing the searchable form, matching, ranking,
 * snippets); the shared table work lives in service.ts.
 */
export interface SearchIndex {
  readonly dialect: DialectName;
  /** Inserts or replaces documents by (type, id). */
  upsert(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void>;
  /**
   * A page of matches, best first (score, then most recently updated). Bounded work: when more
   * than a few hundred documents match, the ranking is over the most recent 500 of them, never over
   * every match.
   */
  query(db: Kysely<Database>, query: ParsedQuery, filters: SearchFilters, page: { limit: number; offset: number }): Promise<SearchHit[]>;
  /**
   * How many documents of each type match (for facet chips), counted up to `cap`: a count above
   * the cap comes back as cap + 1 and a count that could not be finished within bounded work is
   * marked inexact (a lower bound).
   */
  countByType(db: Kysely<Database>, query: ParsedQuery, filters: SearchFilters, cap: number): Promise<Record<SearchType, TypeCount>>;
}
