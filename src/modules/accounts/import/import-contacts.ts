import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { indexDocuments } from '../../search/index.js';
import { loadContactSearchDocuments } from '../account-search-documents.js';

/** A customer person brought in by an importer (Zendesk's end users). */
export interface ImportedContact {
  accountId: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: string;
}

/** `created` false: a contact with that e-mail was already there (e-mails are unique) and is reused. */
export interface ImportedContactResult {
  id: string;
  accountId: string;
  created: boolean;
}

const CHUNK = 200;

/** Writes a batch of imported contacts in a few statements, matching existing ones by e-mail; in the caller's transaction. */
export async function importContacts(db: Kysely<Database>, contacts: ImportedContact[]): Promise<ImportedContactResult[]> {
  if (!contacts.length) return [];
  const existing = new Map<string, { id: string; accountId: string }>();
  const emails = [...new Set(contacts.map((c) => c.email.toLowerCase()))];
  for (let i = 0; i < emails.length; i += CHUNK)
    for (const row of await db
      .selectFrom('contacts')
      .select(['id', 'email', 'account_id'])
      .where('email', 'in', emails.slice(i, i + CHUNK))
      .execute())
      existing.set(row.email, { id: row.id, accountId: row.account_id });
  const rows: Database['contacts'][] = [];
  const results: ImportedContactResult[] = [];
  for (const contact of contacts) {
    const email = contact.email.toLowerCase();
    const found = existing.get(email);
    if (found) {
      results.push({ ...found, created: false });
      continue;
    }
    const id = newId();
    existing.set(email, { id, accountId: contact.accountId });
    rows.push({
      id,
      account_id: contact.accountId,
      name: contact.name,
      email,
      title: null,
      customer_role: null,
      phone: contact.phone,
      created_at: contact.createdAt,
      updated_at: contact.createdAt,
    });
    results.push({ id, accountId: contact.accountId, created: true });
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 100))
      .execute();
  if (rows.length) await indexDocuments(db, await loadContactSearchDocuments(db, { ids: rows.map((r) => r.id) }));
  return results;
}

/** Each contact's account, for a batch of contact ids (an importer's tickets name their requester's account). */
export async function contactAccounts(db: Kysely<Database>, contactIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(contactIds)];
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const row of await db
      .selectFrom('contacts')
      .select(['id', 'account_id'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute())
      out.set(row.id, row.account_id);
  return out;
}
