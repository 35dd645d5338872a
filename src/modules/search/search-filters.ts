import { sql, type RawBuilder } from 'kysely';
import type { SearchTicketStatus } from './contract/search.js';
import { searchPorts } from './ports.js';
import type { SearchType } from './tables.js';

export interface SearchFilters {
  types: readonly SearchType[];
  accountId?: string | undefined;
  /** Tickets and messages of tickets in this status (read live from the ticket, never stale). */
  ticketStatus?: SearchTicketStatus | undefined;
  /** Only what a customer may see: public documents, and of articles only published ones. */
  publicOnly?: boolean | undefined;
}

/** The WHERE conditions both adapters share, on the documents table aliased `d`. */
export function filterSql(filters: SearchFilters): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`d.doc_type in (${sql.join([...filters.types])})`];
  if (filters.accountId !== undefined) conditions.push(sql`d.account_id = ${filters.accountId}`);
  if (filters.ticketStatus !== undefined) conditions.push(ticketStatusSql(filters.ticketStatus));
  if (filters.publicOnly) conditions.push(sql`d.visibility = 'public' and (d.doc_type <> 'article' or d.status = 'published')`);
  return sql.join(conditions, sql` and `);
}

/** The document's ticket is in this status: the ticket's owner (support) writes the condition. */
export function ticketStatusSql(status: SearchTicketStatus): RawBuilder<unknown> {
  return searchPorts().ticketInStatus(sql`d.ticket_id`, status);
}
