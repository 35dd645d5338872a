import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateReleaseInput, Release, UpdateReleaseInput } from '../contract/environments.js';
import type { ReleasesTable } from './tables.js';
import { compareVersions, sortVersionsDescending } from './version-compare.js';

type ReleaseRow = Selectable<ReleasesTable>;

/** A product's releases, newest first: what "versions behind" counts against. */
export interface Catalogue {
  product: string;
  releases: ReleaseRow[];
  versions: string[];
  latest: string | null;
}

export async function catalogueOf(db: Kysely<Database>, product: string): Promise<Catalogue> {
  const rows = await db.selectFrom('releases').selectAll().where('product', '=', product).execute();
  const releases = sortVersionsDescending(rows, (r) => r.version);
  return { product, releases, versions: releases.map((r) => r.version), latest: releases[0]?.version ?? null };
}

/** Every product's catalogue at once, for lists that span products. */
export async function allCatalogues(db: Kysely<Database>): Promise<Map<string, Catalogue>> {
  const rows = await db.selectFrom('releases').selectAll().execute();
  const byProduct = new Map<string, ReleaseRow[]>();
  for (const r of rows) byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), r]);
  const out = new Map<string, Catalogue>();
  for (const [product, list] of byProduct) {
    const releases = sortVersionsDescending(list, (r) => r.version);
    out.set(product, { product, releases, versions: releases.map((r) => r.version), latest: releases[0]?.version ?? null });
  }
  return out;
}

export async function listProducts(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('releases').select('product').distinct().orderBy('product').execute()).map((r) => r.product);
}

/**
 * Refuses a version the catalogue does not list (422, naming the field); versions are matched by
 * value, so "5.2" finds a release recorded as "5.2.0".
 */
export async function assertKnownVersion(db: Kysely<Database>, product: string, version: string, field: string): Promise<string> {
  const { versions } = await catalogueOf(db, product);
  const match = versions.find((v) => compareVersions(v, version) === 0);
  if (!match) throw errors.unknownVersion(product, version, field);
  return match;
}

async function environmentCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('deployments')
    .select(['product', 'version'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .groupBy(['product', 'version'])
    .execute();
  return new Map(rows.map((r) => [`${r.product}\u0000${r.version}`, Number(r.n)]));
}

function toRelease(r: ReleaseRow, latest: string | null, counts: Map<string, number>): Release {
  return {
    id: r.id,
    product: r.product,
    version: r.version,
    releasedOn: String(r.released_on).slice(0, 10),
    notes: r.notes,
    supported: Number(r.supported) === 1,
    latest: latest === r.version,
    environmentCount: counts.get(`${r.product}\u0000${r.version}`) ?? 0,
  };
}

/** The catalogue by product (alphabetically), each product's releases newest first. */
export async function listReleases(db: Kysely<Database>, product?: string): Promise<Release[]> {
  const catalogues = await allCatalogues(db);
  const counts = await environmentCounts(db);
  const products = [...catalogues.keys()].filter((p) => !product || p === product).sort();
  return products.flatMap((p) => {
    const c = catalogues.get(p)!;
    return c.releases.map((r) => toRelease(r, c.latest, counts));
  });
}

export async function getRelease(db: Kysely<Database>, id: string): Promise<Release> {
  const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.releaseNotFound();
  const c = await catalogueOf(db, row.product);
  return toRelease(row, c.latest, await environmentCounts(db));
}

export async function createRelease(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: CreateReleaseInput,
  now = new Date(),
): Promise<Release> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    const { versions } = await catalogueOf(trx, input.product);
    if (versions.some((v) => compareVersions(v, input.version) === 0))
      throw errors.duplicate(`A release ${input.product} ${input.version}`, 'version');
    const at = now.toISOString();
    await trx
      .insertInto('releases')
      .values({
        id,
        product: input.product,
        version: input.version,
        released_on: input.releasedOn,
        notes: input.notes,
        supported: input.supported ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'release.created',
      recordType: 'release',
      recordId: id,
      changes: diff(null, { product: input.product, version: input.version, releasedOn: input.releasedOn, supported: input.supported }),
    });
  });
  return getRelease(db, id);
}

export async function updateRelease(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateReleaseInput,
  now = new Date(),
): Promise<Release> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.releaseNotFound();
    const patch: Partial<ReleaseRow> = { updated_at: now.toISOString() };
    if (input.releasedOn !== undefined) patch.released_on = input.releasedOn;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.supported !== undefined) patch.supported = input.supported ? 1 : 0;
    await trx.updateTable('releases').set(patch).where('id', '=', id).execute();
    const changes = diff(
      { releasedOn: String(before.released_on).slice(0, 10), notes: before.notes, supported: Number(before.supported) === 1 },
      {
        releasedOn: patch.released_on ?? String(before.released_on).slice(0, 10),
        notes: patch.notes ?? before.notes,
        supported: (patch.supported ?? Number(before.supported)) === 1,
      },
    );
    if (Object.keys(changes).length)
      await recordAudit(trx, ctx, { action: 'release.updated', recordType: 'release', recordId: id, changes });
  });
  return getRelease(db, id);
}
