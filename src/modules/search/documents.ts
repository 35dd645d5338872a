import { indexableText } from './snippet-html.js';
import type { SearchType } from './tables.js';

/** A record as the index holds it; see SearchDocumentsTable for what each field is for. */
export interface SearchDocument {
  type: SearchType;
  id: string;
  title: string;
  heading: string;
  keywords: string;
  body: string;
  accountId: string | null;
  ticketId: string | null;
  status: string | null;
  visibility: 'public' | 'internal';
  updatedAt: string;
}

/**
 * Which records an owner's document loader reads: some by id (the write path, a bulk seed), or
 * the next page by id (a rebuild). Owners share one loader between the two so both give the same
 * documents.
 */
export type SearchSelection = { ids: readonly string[] } | { after: string | null; limit: number };

/**
 * A document from an owner's record. The owning module (support, accounts) decides what is
 * searchable; the text is cleaned here, by the module whose markers it must not contain.
 */
export function searchDocument(
  type: SearchType,
  id: string,
  fields: Omit<SearchDocument, 'type' | 'id' | 'status'> & { status?: string },
): SearchDocument {
  return {
    type,
    id,
    ...fields,
    title: indexableText(fields.title),
    heading: indexableText(fields.heading),
    keywords: indexableText(fields.keywords),
    body: indexableText(fields.body),
    status: fields.status ?? null,
  };
}
