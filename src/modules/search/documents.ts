import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
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

/** Which records to load: some by id (the write path), or the next page by id (a rebuild). */
export type Selection = { ids: string[] } | { after: string | null; limit: number };

/**
 * The one place the search module reads other modules' tables: to turn their rows into documents,
 * read-only, inside the caller's transaction. Each loader answers for a selection of ids, so the
 * write path (one record) and a rebuild (pages of 500) share it.
 */
export const DOCUMENT_LOADERS: Record<SearchType, (db: Kysely<Database>, selection: Selection) => Promise<SearchDocument[]>> = {
  ticket: async (db, selection) => {
    let q = db.selectFrom('tickets').select(['id', 'number', 'subject', 'account_id', 'updated_at']).orderBy('id');
    q = 'ids' in selection ? q.where('id', 'in', selection.ids) : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
    const rows = await q.execute();
    const tags = await tagsByOwner(db, 'ticket', rows.map((r) => r.id));
    return rows.map((r) => ticketDocument(r, tags.get(r.id) ?? []));
  },
  message: async (db, selection) => {
    let q = db
      .selectFrom('ticket_messages as m')
      .innerJoin('tickets as t', 't.id', 'm.ticket_id')
      .select(['m.id', 'm.ticket_id', 'm.body', 'm.visibility', 'm.created_at', 't.subject', 't.account_id'])
      .orderBy('m.id');
    q = 'ids' in selection ? q.where('m.id', 'in', selection.ids) : (selection.after ? q.where('m.id', '>', selection.after) : q).limit(selection.limit);
    return (await q.execute()).map(messageDocument);
  },
  contact: async (db, selection) => {
    let q = db.selectFrom('contacts').select(['id', 'account_id', 'name', 'email', 'title', 'updated_at']).orderBy('id');
    q = 'ids' in selection ? q.where('id', 'in', selection.ids) : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
    return (await q.execute()).map((r) => doc('contact', r.id, {
      title: r.name,
      heading: r.name,
      keywords: [r.email, r.title].filter(Boolean).join(' · '),
      body: '',
      accountId: r.account_id,
      ticketId: null,
      visibility: 'internal',
      updatedAt: r.updated_at,
    }));
  },
  account: async (db, selection) => {
    let q = db.selectFrom('accounts').select(['id', 'name', 'updated_at']).orderBy('id');
    q = 'ids' in selection ? q.where('id', 'in', selection.ids) : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
    const rows = await q.execute();
    const domains = new Map<string, string[]>();
    if (rows.length) {
      const found = await db.selectFrom('account_domains').select(['account_id', 'domain']).where('account_id', 'in', rows.map((r) => r.id)).orderBy('domain').execute();
      for (const d of found) domains.set(d.account_id, [...(domains.get(d.account_id) ?? []), d.domain]);
    }
    return rows.map((r) => doc('account', r.id, {
      title: r.name,
      heading: r.name,
      keywords: (domains.get(r.id) ?? []).join(' · '),
      body: '',
      accountId: r.id,
      ticketId: null,
      visibility: 'internal',
      updatedAt: r.updated_at,
    }));
  },
  article: async (db, selection) => {
    let q = db.selectFrom('kb_articles').select(['id', 'title', 'body', 'visibility', 'status', 'product_area', 'updated_at']).orderBy('id');
    q = 'ids' in selection ? q.where('id', 'in', selection.ids) : (selection.after ? q.where('id', '>', selection.after) : q).limit(selection.limit);
    const rows = await q.execute();
    const tags = await tagsByOwner(db, 'article', rows.map((r) => r.id));
    return rows.map((r) => doc('article', r.id, {
      title: r.title,
      heading: r.title,
      keywords: [...(tags.get(r.id) ?? []), r.product_area].filter(Boolean).join(' · '),
      body: r.body,
      accountId: null,
      ticketId: null,
      status: r.status,
      visibility: r.visibility,
      updatedAt: r.updated_at,
    }));
  },
};

/** A ticket's document: its subject, number and tags (in the order the loader reads them). */
export function ticketDocument(r: { id: string; number: number; subject: string; account_id: string; updated_at: string }, tags: readonly string[]): SearchDocument {
  return doc('ticket', r.id, {
    title: r.subject,
    heading: r.subject,
    // "#1042" finds ticket 1042; tags are the agent's own keywords for the case.
    keywords: [`#${Number(r.number)}`, ...tags].join(' · '),
    body: '',
    accountId: r.account_id,
    ticketId: r.id,
    visibility: 'public',
    updatedAt: r.updated_at,
  });
}

/** A message's document: its text, shown under its ticket's subject. */
export function messageDocument(r: {
  id: string;
  ticket_id: string;
  body: string;
  visibility: 'public' | 'internal';
  created_at: string;
  subject: string;
  account_id: string;
}): SearchDocument {
  return doc('message', r.id, {
    title: r.subject,
    heading: '',
    keywords: '',
    body: r.body,
    accountId: r.account_id,
    ticketId: r.ticket_id,
    visibility: r.visibility,
    updatedAt: r.created_at,
  });
}

function doc(type: SearchType, id: string, fields: Omit<SearchDocument, 'type' | 'id' | 'status'> & { status?: string }): SearchDocument {
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

async function tagsByOwner(db: Kysely<Database>, owner: 'ticket' | 'article', ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!ids.length) return map;
  const rows =
    owner === 'ticket'
      ? await db.selectFrom('ticket_tags').select(['ticket_id as owner', 'tag']).where('ticket_id', 'in', ids).orderBy('tag').execute()
      : await db.selectFrom('kb_article_tags').select(['article_id as owner', 'tag']).where('article_id', 'in', ids).orderBy('tag').execute();
  for (const r of rows) map.set(r.owner, [...(map.get(r.owner) ?? []), r.tag]);
  return map;
}

/** The table each document type is built from, for counting and for dropping orphans. */
export const SOURCE_TABLES = {
  ticket: 'tickets',
  message: 'ticket_messages',
  contact: 'contacts',
  account: 'accounts',
  article: 'kb_articles',
} as const satisfies Record<SearchType, keyof Database>;
