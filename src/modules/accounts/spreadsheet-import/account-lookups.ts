import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * Batch reads a spreadsheet import needs for a whole file at once (one query each, never one per
 * row): accounts by name or e-mail domain, contacts by e-mail.
 */

export interface AccountMatch {
  id: string;
  name: string;
  domains: string[];
}

export interface AccountDirectory {
  byName: Map<string, AccountMatch>;
  byDomain: Map<string, AccountMatch>;
}

/** The accounts with any of these names (compared without case) or owning any of these domains. */
export async function accountsByNameOrDomain(db: Kysely<Database>, names: string[], domains: string[]): Promise<AccountDirectory> {
  const lowerNames = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  const lowerDomains = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
  const ids = new Set<string>();
  for (const chunk of chunks(lowerNames))
    for (const r of await db.selectFrom('accounts').select('id').where('name_lower', 'in', chunk).execute()) ids.add(r.id);
  for (const chunk of chunks(lowerDomains))
    for (const r of await db.selectFrom('account_domains').select('account_id').where('domain', 'in', chunk).execute())
      ids.add(r.account_id);
  const byName = new Map<string, AccountMatch>();
  const byDomain = new Map<string, AccountMatch>();
  for (const chunk of chunks([...ids])) {
    const accounts = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', chunk).execute();
    const owned = await db.selectFrom('account_domains').select(['account_id', 'domain']).where('account_id', 'in', chunk).execute();
    for (const a of accounts) {
      const match = { id: a.id, name: a.name, domains: owned.filter((d) => d.account_id === a.id).map((d) => d.domain) };
      byName.set(a.name.toLowerCase(), match);
      for (const d of match.domains) byDomain.set(d, match);
    }
  }
  return { byName, byDomain };
}

/** An account named by its name or one of its domains (how a spreadsheet column names it). */
export function findAccount(directory: AccountDirectory, reference: string): AccountMatch | null {
  const key = reference.trim().toLowerCase();
  return directory.byName.get(key) ?? directory.byDomain.get(key.replace(/^@/, '')) ?? null;
}

/** The contacts with these e-mail addresses (lower case), with their account. */
export async function contactsByEmail(
  db: Kysely<Database>,
  emails: string[],
): Promise<Map<string, { id: string; accountId: string; name: string }>> {
  const found = new Map<string, { id: string; accountId: string; name: string }>();
  for (const chunk of chunks([...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))]))
    for (const r of await db.selectFrom('contacts').select(['id', 'account_id', 'name', 'email']).where('email', 'in', chunk).execute())
      found.set(r.email, { id: r.id, accountId: r.account_id, name: r.name });
  return found;
}

/** `in` lists of at most 500: SQLite and PostgreSQL both cap a statement's parameters. */
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
