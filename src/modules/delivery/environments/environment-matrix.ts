import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../../kernel/pagination.js';
import { matrixEntries } from './environment-list.read-model.js';
import { environmentSummaries } from './environment-service.js';
import { allCatalogues, listProducts, listReleases } from './release-service.js';
import type { EnvironmentSummary, EnvironmentPageQuery } from '../contract/environments.js';
import { versionsBehind } from './version-compare.js';

/** The product with the most active environments (the matrix's default), else the first in the catalogue. */
async function busiestProduct(db: Kysely<Database>, products: string[]): Promise<string | null> {
  const top = await db
    .selectFrom('deployments')
    .select('product')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .groupBy('product')
    .orderBy('n', 'desc')
    .orderBy('product')
    .executeTakeFirst();
  return top && products.includes(top.product) ? top.product : (products[0] ?? null);
}

interface AccountKey {
  id: string;
  name: string;
}

/** Accounts by name, then id (names need not be unique); the order the pages follow. */
const byNameThenId = (a: AccountKey, b: AccountKey) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The environment matrix: one product's releases as columns, accounts with their environments as
 * rows, a page of accounts at a time. The totals and the per-release counts cover every matching
 * environment, not only the page: a workspace with ten thousand customers made this one 8 MB
 * answer and a table of ten thousand rows.
 *
 * The filters are worked out over light rows (id, account, version), because "versions behind"
 * comes from the catalogue's version order, which SQL cannot compare; only the page's
 * environments are read in full.
 */
export async function environmentMatrix(db: Kysely<Database>, q: Partial<EnvironmentPageQuery>) {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeCursor(q.cursor, 'string') : null;
  const products = await listProducts(db);
  const product = q.product && products.includes(q.product) ? q.product : await busiestProduct(db, products);
  if (!product) {
    return {
      products,
      product: null,
      releases: [],
      rows: [],
      nextCursor: null,
      totals: { accounts: 0, environments: 0, current: 0, slightlyBehind: 0, farBehind: 0, byVersion: {} },
    };
  }
  const catalogues = await allCatalogues(db);
  const versions = catalogues.get(product)?.versions ?? [];
  const behindOf = new Map<string, number>();
  const light = (await matrixEntries(db, { ...q, product, accountId: undefined }))
    .map((r) => {
      let behind = behindOf.get(r.version);
      if (behind === undefined) behindOf.set(r.version, (behind = versionsBehind(r.version, versions)));
      return { ...r, behind };
    })
    .filter((r) => q.minBehind === undefined || r.behind >= q.minBehind);

  const byVersion: Record<string, number> = {};
  const accounts = new Map<string, AccountKey>();
  for (const e of light) {
    byVersion[e.version] = (byVersion[e.version] ?? 0) + 1;
    accounts.set(e.account_id, { id: e.account_id, name: e.account_name });
  }
  const ordered = [...accounts.values()].sort(byNameThenId);
  const start = after ? ordered.findIndex((a) => byNameThenId(a, { name: String(after.sortValue), id: after.id }) > 0) : 0;
  const page = start < 0 ? [] : ordered.slice(start, start + limit);
  const last = page[page.length - 1];
  const hasMore = start >= 0 && start + limit < ordered.length;

  const inPage = new Set(page.map((a) => a.id));
  const summaries = await environmentSummaries(
    db,
    light.filter((e) => inPage.has(e.account_id)).map((e) => e.id),
    catalogues,
  );
  const environmentsOf = new Map<string, EnvironmentSummary[]>(page.map((a) => [a.id, []]));
  for (const s of summaries.values()) environmentsOf.get(s.account.id)?.push(s);
  const rows = page.flatMap((a) => {
    const environments = environmentsOf
      .get(a.id)!
      .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()) || (x.id < y.id ? -1 : 1));
    // Empty only if the account's environments went between the two reads.
    return environments.length ? [{ account: environments[0]!.account, environments }] : [];
  });

  return {
    products,
    product,
    releases: await listReleases(db, product),
    rows,
    nextCursor: hasMore && last ? encodeCursor(last.name, last.id) : null,
    totals: {
      accounts: ordered.length,
      environments: light.length,
      current: light.filter((e) => e.behind === 0).length,
      slightlyBehind: light.filter((e) => e.behind >= 1 && e.behind <= 2).length,
      farBehind: light.filter((e) => e.behind >= 3).length,
      byVersion,
    },
  };
}
