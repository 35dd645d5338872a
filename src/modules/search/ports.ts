import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SearchTicketStatus } from './contract/search.js';
import type { SearchDocument } from './documents.js';
import type { SearchType } from './tables.js';

/**
 * Where a rebuild reads one type of document: the module that owns the records (support,
 * accounts) turns its rows into documents, so search never names its tables.
 */
export interface SearchSource {
  readonly type: SearchType;
  /** How many records there are (for progress). */
  count(db: Kysely<Database>): Promise<number>;
  /** The documents of the next `limit` records after `afterId` (null: from the first), in id order. */
  loadBatch(db: Kysely<Database>, afterId: string | null, limit: number): Promise<SearchDocument[]>;
  /** Which of these ids still have a record (a rebuild drops the entries of the others). */
  existingIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]>;
}

/**
 * What the search module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (search may not import them: they import search).
 */
export interface SearchPorts {
  /** One source per document type. */
  sources: readonly SearchSource[];
  /**
   * The condition "the ticket `ticketId` (a column of the query) is in `status`", as SQL. The
   * status filter reads the ticket's live status, which the index does not hold (it would go
   * stale with every status change).
   */
  ticketInStatus(ticketId: RawBuilder<unknown>, status: SearchTicketStatus): RawBuilder<unknown>;
}

let wired: SearchPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureSearch(ports: SearchPorts): void {
  wired = ports;
}

export function searchPorts(): SearchPorts {
  if (!wired) throw new Error('The search module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
