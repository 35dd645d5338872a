import type { SearchHit } from './search-index.js';
import type { SearchType } from './tables.js';

/** A match as both engines' queries return it, before it becomes a SearchHit. */
export interface HitRow {
  doc_type: SearchType;
  doc_id: string;
  title: string;
  account_id: string | null;
  ticket_id: string | null;
  status: string | null;
  visibility: 'public' | 'internal';
  updated_at: string;
  score: number;
  title_marked: string | null;
  snippet_marked: string | null;
}

export function toHit(r: HitRow): SearchHit {
  return {
    type: r.doc_type,
    id: r.doc_id,
    title: r.title,
    titleMarked: r.title_marked ?? '',
    snippetMarked: r.snippet_marked ?? '',
    score: Number(r.score),
    accountId: r.account_id,
    ticketId: r.ticket_id,
    status: r.status,
    visibility: r.visibility,
    updatedAt: r.updated_at,
  };
}
