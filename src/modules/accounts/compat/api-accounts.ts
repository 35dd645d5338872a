import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { keysetAfter, likeText } from '../../../kernel/pagination.js';
import { domainsOf, tagsOf } from '../repository.js';

/**
 * Batch reads for the Zendesk-compatible API (issue 18), where accounts are Zendesk's
 * organizations. Pages run in (created_at, id) order so offset and cursor paging agree.
 */

export interface ApiAccount {
  id: string;
  name: string;
  notes: string | null;
  domains: string[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ApiAccountFilter {
  /** This exact name (case-insensitive). */
  name?: string;
  /** Name starts with this text (case-insensitive). */
  namePrefix?: string;
}

/** Accounts by id in one read, with their domains and tags. */
export async function apiAccounts(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, ApiAccount>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, domains, tags] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'name', 'notes', 'created_at', 'updated_at']).where('id', 'in', wanted).execute(),
    domainsOf(db, wanted),
    tagsOf(db, wanted),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        notes: r.notes ?? null,
        domains: domains.get(r.id) ?? [],
        tags: tags.get(r.id) ?? [],
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

function filtered(db: Kysely<Database>, filter: ApiAccountFilter): SelectQueryBuilder<Database, 'accounts', object> {
  let query = db.selectFrom('accounts');
  if (filter.name !== undefined) query = query.where('name_lower', '=', filter.name.toLowerCase());
  if (filter.namePrefix !== undefined) query = query.where(likeText('accounts.name_lower', filter.namePrefix.toLowerCase(), 'prefix'));
  return query;
}

/** One page of account ids in (created_at, id) order, after a keyset or from an offset. */
export async function apiAccountPage(
  db: Kysely<Database>,
  filter: ApiAccountFilter,
  page: { after?: { createdAt: string; id: string }; offset?: number; limit: number },
): Promise<{ id: string; createdAt: string }[]> {
  let query = filtered(db, filter).select(['accounts.id', 'accounts.created_at']);
  if (page.after)
    query = query.where(keysetAfter('accounts.created_at', 'accounts.id', { sortValue: page.after.createdAt, id: page.after.id }, 'asc'));
  const rows = await query
    .orderBy('accounts.created_at')
    .orderBy('accounts.id')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
}

export async function apiAccountCount(db: Kysely<Database>, filter: ApiAccountFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export { updateAccount } from '../service.js';
