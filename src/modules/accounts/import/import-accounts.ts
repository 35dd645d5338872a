import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { indexDocuments } from '../../search/index.js';
import { loadAccountSearchDocuments } from '../account-search-documents.js';
import { assessRelationship } from '../relationship-depth.js';
import { relationshipRules } from '../service.js';

/** An organisation brought in by an importer (Zendesk's organizations). */
export interface ImportedAccount {
  name: string;
  domains: string[];
  tags: string[];
  notes: string | null;
  createdAt: string;
}

export interface ImportedAccountResult {
  id: string;
  /** false: an account of that name was already there and is reused as it is. */
  created: boolean;
  /** Domains another account already owns: each domain belongs to one account, so these are reported. */
  domainsTaken: string[];
}

const CHUNK = 200;

/**
 * Writes a batch of imported accounts with their domains, tags and notes in a few statements (an
 * import brings thousands; createAccount's per-row checks and audit would take minutes). An
 * account whose name exists is matched, not duplicated: names are unique and an admin may have
 * created the customer before importing. Runs in the caller's transaction.
 */
export async function importAccounts(db: Kysely<Database>, accounts: ImportedAccount[]): Promise<ImportedAccountResult[]> {
  if (!accounts.length) return [];
  const existing = new Map<string, string>();
  for (const part of chunks([...new Set(accounts.map((a) => a.name.toLowerCase()))]))
    for (const row of await db.selectFrom('accounts').select(['id', 'name_lower']).where('name_lower', 'in', part).execute())
      existing.set(row.name_lower, row.id);
  const owners = await domainOwners(
    db,
    accounts.flatMap((a) => a.domains.map((d) => d.toLowerCase())),
  );
  const evidence = JSON.stringify(assessRelationship([], 0, await relationshipRules(db), new Date()));
  const verdict = (JSON.parse(evidence) as { verdict: 'engaged' | 'transactional' }).verdict;
  const results: ImportedAccountResult[] = [];
  const rows: Insertable<Database['accounts']>[] = [];
  const domains: { domain: string; account_id: string }[] = [];
  const tags: { account_id: string; tag: string }[] = [];
  for (const account of accounts) {
    const lower = account.name.toLowerCase();
    const found = existing.get(lower);
    if (found) {
      results.push({ id: found, created: false, domainsTaken: [] });
      continue;
    }
    const id = newId();
    existing.set(lower, id);
    rows.push({
      id,
      name: account.name,
      name_lower: lower,
      segment: 'smb',
      arr: 0,
      lifecycle_stage: 'adoption',
      renewal_date: null,
      relationship: verdict,
      relationship_evidence: evidence,
      internal: 0,
      notes: account.notes,
      created_at: account.createdAt,
      updated_at: account.createdAt,
    });
    const domainsTaken: string[] = [];
    for (const domain of new Set(account.domains.map((d) => d.toLowerCase()))) {
      if (owners.has(domain)) domainsTaken.push(domain);
      else {
        owners.set(domain, id);
        domains.push({ domain, account_id: id });
      }
    }
    for (const tag of new Set(account.tags)) tags.push({ account_id: id, tag });
    results.push({ id, created: true, domainsTaken });
  }
  for (const part of chunks(rows, 50)) await db.insertInto('accounts').values(part).execute();
  for (const part of chunks(domains)) await db.insertInto('account_domains').values(part).execute();
  for (const part of chunks(tags)) await db.insertInto('account_tags').values(part).execute();
  if (rows.length) await indexDocuments(db, await loadAccountSearchDocuments(db, { ids: rows.map((r) => r.id) }));
  return results;
}

/** Which account owns each of these e-mail domains (for people who came without an organisation). */
export async function domainOwners(db: Kysely<Database>, domains: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const part of chunks([...new Set(domains)]))
    for (const row of await db.selectFrom('account_domains').select(['domain', 'account_id']).where('domain', 'in', part).execute())
      owners.set(row.domain, row.account_id);
  return owners;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
