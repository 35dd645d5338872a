/**
 * Read model: deployments ⋈ accounts (the accounts module's table), for the environment lists —
 * the paged registry, an account's environments, a campaign's scope and the environment matrix.
 * Why a join: these lists filter by the account's segment and sort and page by the account's name
 * then the environment, so the database filters, orders and cuts the page in one indexed scan;
 * batch reads would have to read every environment and every account before a page could be cut.
 * Single environments and a campaign's entries name their accounts through `accountRefs`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import type { EnvironmentListQuery, EnvironmentPageQuery, EnvironmentSummary } from '../contract/environments.js';
import { toSummary } from './environment-service.js';
import { allCatalogues } from './release-service.js';
import { versionsBehind } from './version-compare.js';

/** Deployments joined to their accounts, narrowed by the list's filters (all but minBehind). */
function filteredDeployments(db: Kysely<Database>, q: Partial<EnvironmentListQuery>) {
  let query = db
    .selectFrom('deployments')
    .innerJoin('accounts', 'accounts.id', 'deployments.account_id')
    .selectAll('deployments')
    .select(['accounts.name as account_name', 'accounts.segment as account_segment']);
  if (q.product) query = query.where('deployments.product', '=', q.product);
  if (q.accountId) query = query.where('deployments.account_id', '=', q.accountId);
  if (q.segments?.length) query = query.where('accounts.segment', 'in', q.segments);
  if (q.hosting?.length) query = query.where('deployments.hosting', 'in', q.hosting);
  if (q.name) query = query.where('deployments.name_lower', '=', q.name.toLowerCase());
  if (q.status && q.status !== 'all') query = query.where('deployments.status', '=', q.status);
  return query;
}

/**
 * A page of the environments matching the filters, by account name then environment id: a keyset,
 * so a deep page costs what the first does. `minBehind` becomes the list of versions at least that
 * far behind (a product has few), so the database does the filtering and every page is full.
 */
export async function pageEnvironments(db: Kysely<Database>, q: EnvironmentPageQuery): Promise<Page<EnvironmentSummary>> {
  const catalogues = await allCatalogues(db);
  let query = filteredDeployments(db, q);
  if (q.minBehind !== undefined) {
    const minBehind = q.minBehind;
    const versions = await filteredDeployments(db, q)
      .clearSelect()
      .select(['deployments.product', 'deployments.version'])
      .distinct()
      .execute();
    const behind = versions.filter((v) => versionsBehind(v.version, catalogues.get(v.product)?.versions ?? []) >= minBehind);
    if (behind.length === 0) return { items: [], nextCursor: null };
    query = query.where((eb) =>
      eb.or(behind.map((v) => eb.and([eb('deployments.product', '=', v.product), eb('deployments.version', '=', v.version)]))),
    );
  }
  if (q.cursor) query = query.where(keysetAfter('accounts.name', 'deployments.id', decodeCursor(q.cursor, 'string'), 'asc'));
  const rows = await query
    .orderBy('accounts.name')
    .orderBy('deployments.id')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.account_name, r.id));
  return { items: page.items.map((r) => toSummary(r, catalogues.get(r.product))), nextCursor: page.nextCursor };
}

/**
 * Environments matching the filters, by account name then environment name. `minBehind` is
 * applied after "versions behind" is worked out from the catalogue.
 */
export async function listEnvironments(db: Kysely<Database>, q: Partial<EnvironmentListQuery>): Promise<EnvironmentSummary[]> {
  const rows = await filteredDeployments(db, q)
    .orderBy('accounts.name')
    .orderBy('deployments.product')
    .orderBy('deployments.name_lower')
    .orderBy('deployments.id')
    .execute();
  const catalogues = await allCatalogues(db);
  const summaries = rows.map((r) => toSummary(r, catalogues.get(r.product)));
  return q.minBehind !== undefined ? summaries.filter((s) => s.versionsBehind >= q.minBehind!) : summaries;
}

/** The matrix's light rows: every matching environment's id, account (with its name) and version, unordered. */
export async function matrixEntries(
  db: Kysely<Database>,
  q: Partial<EnvironmentListQuery>,
): Promise<{ id: string; account_id: string; version: string; account_name: string }[]> {
  return filteredDeployments(db, q)
    .clearSelect()
    .select(['deployments.id', 'deployments.account_id', 'deployments.version', 'accounts.name as account_name'])
    .execute();
}
