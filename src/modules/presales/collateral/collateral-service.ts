import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { memberRefs } from '../../team/index.js';
import {
  COLLATERAL_KINDS,
  type CollateralFacets,
  type CollateralItem,
  type CollateralItemDetail,
  type CollateralVersion,
  type collateralListQuery,
  type createCollateralMetadata,
  type updateCollateralBody,
} from '../contract/collateral.js';
import { checkCollateralFile, cleanFilename } from './collateral-file.js';
import * as repo from './collateral-repository.js';
import { indexCollateral } from './collateral-search-documents.js';
import { collateralSearchText, foldText, tagKeys } from './search-text.js';
import type { CollateralItemsTable, CollateralVersionsTable } from './tables.js';

/** An uploaded file as the route read it. */
export interface UploadedFile {
  filename: string | null | undefined;
  content: Buffer;
}

export const versionDownloadUrl = (itemId: string, versionId: string) => `/api/collateral/${itemId}/versions/${versionId}/file`;

/** Tags, industries: trimmed, inner spaces collapsed, the first spelling of each kept (case and accents aside). */
function distinctLabels(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim().replace(/\s+/g, ' ');
    const key = foldText(value);
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** Refuses a file that is empty, too big (413) or not an allowed, truthfully-typed kind (415). */
async function vetFile(file: UploadedFile, maxBytes: number): Promise<{ filename: string; contentType: string }> {
  const filename = cleanFilename(file.filename);
  if (file.content.length === 0) throw errors.collateralFileEmpty();
  if (file.content.length > maxBytes) throw errors.collateralFileTooLarge(maxBytes);
  const verdict = await checkCollateralFile(filename, file.content);
  if (!verdict.ok) throw errors.collateralTypeNotAllowed({ filename, reason: verdict.reason, detected: verdict.detected });
  return { filename, contentType: verdict.contentType };
}

async function assertMember(db: Kysely<Database>, memberId: string | null | undefined, field: string): Promise<void> {
  if (memberId && !(await memberRefs(db, [memberId])).has(memberId)) throw errors.referenceMissing('member', field);
}

/** Writes the next version of an item in the caller's transaction and makes it current. */
async function writeVersion(
  trx: Kysely<Database>,
  ctx: ChangeContext,
  itemId: string,
  file: { filename: string; contentType: string; content: Buffer },
  note: string | null,
  now: Date,
): Promise<CollateralVersionsTable> {
  const at = now.toISOString();
  const number = await repo.nextVersionNumber(trx, itemId, at);
  const row: CollateralVersionsTable = {
    id: newId(),
    item_id: itemId,
    version: number,
    filename: file.filename,
    content_type: file.contentType,
    size_bytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    note,
    uploaded_by: ctx.memberId,
    uploaded_at: at,
  };
  await repo.insertVersion(trx, row);
  await repo.updateItem(trx, itemId, { current_version_id: row.id });
  return row;
}

/** Creates an item with its first version (one transaction: never an item without a file). */
export async function createCollateral(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: z.output<typeof createCollateralMetadata>,
  file: UploadedFile,
  maxBytes: number,
  now = new Date(),
): Promise<CollateralItemDetail> {
  const vetted = await vetFile(file, maxBytes);
  const ownerId = input.ownerId === undefined ? ctx.memberId : input.ownerId;
  await assertMember(db, ownerId, 'ownerId');
  const at = now.toISOString();
  const tags = distinctLabels(input.tags);
  const row: CollateralItemsTable = {
    id: newId(),
    title: input.title,
    kind: input.kind,
    product_area: input.productArea,
    tags: JSON.stringify(tags),
    industries: JSON.stringify(distinctLabels(input.industries)),
    segments: JSON.stringify([...new Set(input.segments)]),
    description: input.description,
    owner_id: ownerId,
    status: 'current',
    search_text: collateralSearchText({ title: input.title, description: input.description, tags }),
    tag_keys: tagKeys(tags),
    version_count: 0,
    current_version_id: null,
    send_count: 0,
    last_sent_at: null,
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertItem(trx, row);
    const version = await writeVersion(trx, ctx, row.id, { ...vetted, content: file.content }, input.note, now);
    await indexCollateral(trx, row.id);
    await recordAudit(trx, ctx, {
      action: 'collateral.created',
      recordType: 'collateral',
      recordId: row.id,
      changes: diff(null, {
        title: row.title,
        kind: row.kind,
        productArea: row.product_area,
        tags,
        ownerId,
        version: { number: version.version, filename: version.filename, sizeBytes: version.size_bytes, sha256: version.sha256 },
      }),
    });
  });
  return getCollateral(db, row.id);
}

/** Refuses an upload to an item that does not exist (404) or is archived (409). */
export async function assertAcceptsVersions(db: Kysely<Database>, itemId: string): Promise<CollateralItemsTable> {
  const item = await repo.findItemRow(db, itemId);
  if (!item) throw errors.collateralNotFound();
  if (item.status === 'archived') throw errors.collateralArchived();
  return item;
}

/** Uploads the next version of an item; it becomes the current one. */
export async function uploadCollateralVersion(
  db: Kysely<Database>,
  ctx: ChangeContext,
  itemId: string,
  file: UploadedFile,
  note: string | null,
  maxBytes: number,
  now = new Date(),
): Promise<CollateralVersion> {
  const item = await assertAcceptsVersions(db, itemId);
  const vetted = await vetFile(file, maxBytes);
  const version = await inTransaction(db, async (trx) => {
    const written = await writeVersion(trx, ctx, itemId, { ...vetted, content: file.content }, note, now);
    await indexCollateral(trx, itemId);
    await recordAudit(trx, ctx, {
      action: 'collateral.version_uploaded',
      recordType: 'collateral',
      recordId: itemId,
      changes: {
        version: [
          item.version_count || null,
          { number: written.version, filename: written.filename, sizeBytes: written.size_bytes, sha256: written.sha256 },
        ],
      },
    });
    return written;
  });
  const names = await memberRefs(db, [version.uploaded_by]);
  return toVersion(version, names, 0);
}

/** Edits an item's details, or archives / restores it. */
export async function updateCollateral(
  db: Kysely<Database>,
  ctx: ChangeContext,
  itemId: string,
  input: z.output<typeof updateCollateralBody>,
  now = new Date(),
): Promise<CollateralItemDetail> {
  const before = await repo.findItemRow(db, itemId);
  if (!before) throw errors.collateralNotFound();
  if (input.ownerId !== undefined) await assertMember(db, input.ownerId, 'ownerId');
  const tags = input.tags ? distinctLabels(input.tags) : (JSON.parse(before.tags) as string[]);
  const title = input.title ?? before.title;
  const description = input.description ?? before.description;
  const after: CollateralItemsTable = {
    ...before,
    title,
    kind: input.kind ?? before.kind,
    product_area: input.productArea === undefined ? before.product_area : input.productArea,
    tags: JSON.stringify(tags),
    industries: input.industries ? JSON.stringify(distinctLabels(input.industries)) : before.industries,
    segments: input.segments ? JSON.stringify([...new Set(input.segments)]) : before.segments,
    description,
    owner_id: input.ownerId === undefined ? before.owner_id : input.ownerId,
    status: input.status ?? before.status,
    search_text: collateralSearchText({ title, description, tags }),
    tag_keys: tagKeys(tags),
  };
  const changes = diff(auditView(before), auditView(after));
  if (Object.keys(changes).length === 0) return getCollateral(db, itemId);
  await inTransaction(db, async (trx) => {
    // Only the editable columns: the version and send counters move under their own updates.
    const editable = Object.fromEntries(EDITABLE_COLUMNS.map((c) => [c, after[c]])) as Partial<CollateralItemsTable>;
    await repo.updateItem(trx, itemId, { ...editable, updated_at: now.toISOString() });
    await indexCollateral(trx, itemId);
    await recordAudit(trx, ctx, {
      action:
        before.status !== after.status
          ? after.status === 'archived'
            ? 'collateral.archived'
            : 'collateral.restored'
          : 'collateral.updated',
      recordType: 'collateral',
      recordId: itemId,
      changes,
    });
  });
  return getCollateral(db, itemId);
}

const EDITABLE_COLUMNS = [
  'title',
  'kind',
  'product_area',
  'tags',
  'industries',
  'segments',
  'description',
  'owner_id',
  'status',
  'search_text',
  'tag_keys',
] as const satisfies readonly (keyof CollateralItemsTable)[];

function auditView(row: CollateralItemsTable): Record<string, unknown> {
  return {
    title: row.title,
    kind: row.kind,
    productArea: row.product_area,
    tags: JSON.parse(row.tags) as unknown,
    industries: JSON.parse(row.industries) as unknown,
    segments: JSON.parse(row.segments) as unknown,
    description: row.description,
    ownerId: row.owner_id,
    status: row.status,
  };
}

type Names = Map<string, { id: string; name: string }>;

const refOf = (names: Names, id: string | null) => (id ? { id, name: names.get(id)?.name ?? 'Former member' } : null);

function toVersion(v: repo.VersionMeta, names: Names, sendCount: number): CollateralVersion {
  return {
    id: v.id,
    itemId: v.item_id,
    number: Number(v.version),
    filename: v.filename,
    contentType: v.content_type,
    sizeBytes: Number(v.size_bytes),
    sha256: v.sha256,
    note: v.note,
    uploadedBy: refOf(names, v.uploaded_by),
    uploadedAt: v.uploaded_at,
    sendCount,
    downloadUrl: versionDownloadUrl(v.item_id, v.id),
  };
}

function toItem(row: repo.ItemWithCurrent, names: Names): CollateralItem {
  let currentVersion: CollateralItem['currentVersion'] = null;
  if (row.current) {
    const { sendCount: _unused, ...rest } = toVersion(row.current, names, 0);
    currentVersion = rest;
  }
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    productArea: row.product_area,
    tags: JSON.parse(row.tags) as string[],
    description: row.description,
    industries: JSON.parse(row.industries) as string[],
    segments: JSON.parse(row.segments) as CollateralItem['segments'],
    status: row.status,
    owner: refOf(names, row.owner_id),
    currentVersion,
    versionCount: Number(row.version_count),
    sendCount: Number(row.send_count),
    lastSentAt: row.last_sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One item with every version, newest first, and how often each was sent. */
export async function getCollateral(db: Kysely<Database>, itemId: string): Promise<CollateralItemDetail> {
  const [row] = await repo.itemsWithCurrent(db, [itemId]);
  if (!row) throw errors.collateralNotFound();
  const [versions, counts] = await Promise.all([repo.versionsOf(db, itemId), repo.sendCountsByVersion(db, itemId)]);
  const names = await memberRefs(db, [row.owner_id, ...versions.map((v) => v.uploaded_by)]);
  return { ...toItem(row, names), versions: versions.map((v) => toVersion(v, names, counts.get(v.id) ?? 0)) };
}

/** The library: filtered, searched, in the chosen order, a page at a time. */
export async function listCollateral(db: Kysely<Database>, q: z.output<typeof collateralListQuery>): Promise<Page<CollateralItem>> {
  const page = await repo.listItemIds(db, q);
  const rows = await repo.itemsWithCurrent(db, page.items);
  const names = await memberRefs(
    db,
    rows.flatMap((r) => [r.owner_id, r.current?.uploaded_by]),
  );
  return { items: rows.map((r) => toItem(r, names)), nextCursor: page.nextCursor };
}

/** What the list's filters can offer, with how many items each would show. */
export async function collateralFacets(
  db: Kysely<Database>,
  status: z.output<typeof collateralListQuery>['status'],
): Promise<CollateralFacets> {
  const rows = await repo.facetRows(db, status);
  const areas = new Map<string, number>();
  const tags = new Map<string, { value: string; count: number }>();
  const kinds = new Map<string, number>();
  for (const row of rows) {
    kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + 1);
    if (row.product_area) areas.set(row.product_area, (areas.get(row.product_area) ?? 0) + 1);
    for (const tag of JSON.parse(row.tags) as string[]) {
      // One entry per tag whatever its case; the first spelling met names it.
      const key = foldText(tag);
      const entry = tags.get(key) ?? { value: tag, count: 0 };
      entry.count++;
      tags.set(key, entry);
    }
  }
  const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) =>
    b.count - a.count || a.value.localeCompare(b.value);
  return {
    productAreas: [...areas].map(([value, count]) => ({ value, count })).sort(byCount),
    tags: [...tags.values()].sort(byCount),
    kinds: COLLATERAL_KINDS.map((value) => ({ value, count: kinds.get(value) ?? 0 })),
  };
}

/** A version's bytes and how to name them, for the download. */
export async function collateralVersionFile(db: Kysely<Database>, itemId: string, versionId: string): Promise<CollateralVersionsTable> {
  const version = await repo.findVersionFile(db, itemId, versionId);
  if (version) return version;
  if (!(await repo.findItemRow(db, itemId))) throw errors.collateralNotFound();
  throw errors.collateralVersionNotFound();
}
