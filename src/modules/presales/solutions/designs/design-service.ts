import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { recordAudit } from '../../../../kernel/audit.js';
import { nowIso } from '../../../../kernel/clock.js';
import { errors } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import { memberRefs } from '../../../team/index.js';
import {
  createDesignBody,
  saveDesignVersionBody,
  type CreateDesignInput,
  type DesignDiff,
  type DesignList,
  type DesignVersion,
  type SaveDesignVersionInput,
  type SolutionDesign,
} from '../../contract/solutions.js';
import { requireDeal } from '../deal.js';
import { isUniqueViolation } from '../unique-violation.js';
import type { SolutionDesignsTable } from '../tables.js';
import { lineDiff } from './line-diff.js';

/**
 * Solution designs (issue 16): Markdown documents per deal, every save a new version (author, time,
 * note) that is never rewritten, linked to the requirements they answer. A save names the version
 * it started from, so two people editing at once cannot overwrite each other.
 */

type DesignRow = Selectable<SolutionDesignsTable>;

async function findDesign(db: Kysely<Database>, id: string): Promise<DesignRow> {
  const row = await db.selectFrom('solution_designs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.designNotFound();
  return row;
}

const named = (members: Map<string, { id: string; name: string }>, id: string | null) =>
  id ? { id, name: members.get(id)?.name ?? 'Former member' } : null;

/** The requirement ids, checked to be the deal's own (422 otherwise), without repeats. */
async function dealRequirementIds(db: Kysely<Database>, opportunityId: string, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  let found = 0;
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('requirements')
      .select('id')
      .where('opportunity_id', '=', opportunityId)
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    found += rows.length;
  }
  if (found !== wanted.length) throw errors.requirementsNotOfOpportunity({ field: 'requirementIds' });
  return wanted;
}

async function replaceLinks(trx: Kysely<Database>, designId: string, requirementIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('solution_design_requirements').where('design_id', '=', designId).execute();
  for (let i = 0; i < requirementIds.length; i += 400)
    await trx
      .insertInto('solution_design_requirements')
      .values(requirementIds.slice(i, i + 400).map((requirement_id) => ({ design_id: designId, requirement_id })))
      .execute();
}

async function linkedIds(db: Kysely<Database>, designId: string): Promise<string[]> {
  const rows = await db.selectFrom('solution_design_requirements').select('requirement_id').where('design_id', '=', designId).execute();
  return rows.map((r) => r.requirement_id);
}

/** A deal's designs, and which of its requirements no design answers yet. */
export async function listDesigns(db: Kysely<Database>, opportunityId: string): Promise<DesignList> {
  await requireDeal(db, opportunityId);
  const [designs, links, requirements] = await Promise.all([
    db.selectFrom('solution_designs').selectAll().where('opportunity_id', '=', opportunityId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('solution_design_requirements as l')
      .innerJoin('solution_designs as d', 'd.id', 'l.design_id')
      .select(['l.design_id', 'l.requirement_id'])
      .where('d.opportunity_id', '=', opportunityId)
      .execute(),
    db
      .selectFrom('requirements')
      .select(['id', 'reference', 'text', 'priority'])
      .where('opportunity_id', '=', opportunityId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const members = await memberRefs(
    db,
    designs.map((d) => d.updated_by),
  );
  const count = new Map<string, number>();
  for (const l of links) count.set(l.design_id, (count.get(l.design_id) ?? 0) + 1);
  const covered = new Set(links.map((l) => l.requirement_id));
  return {
    items: designs.map((d) => ({
      id: d.id,
      title: d.title,
      version: Number(d.version),
      requirementCount: count.get(d.id) ?? 0,
      updatedBy: named(members, d.updated_by),
      updatedAt: d.updated_at,
    })),
    coverage: {
      requirements: requirements.length,
      covered: requirements.filter((r) => covered.has(r.id)).length,
      uncovered: requirements.filter((r) => !covered.has(r.id)),
    },
  };
}

export async function getDesign(db: Kysely<Database>, id: string): Promise<SolutionDesign> {
  const design = await findDesign(db, id);
  const [versions, requirementIds] = await Promise.all([
    db.selectFrom('solution_design_versions').selectAll().where('design_id', '=', id).orderBy('version', 'desc').execute(),
    linkedIds(db, id),
  ]);
  const members = await memberRefs(db, [design.created_by, ...versions.map((v) => v.author_id)]);
  const latest = versions[0];
  return {
    id: design.id,
    opportunityId: design.opportunity_id,
    title: design.title,
    body: latest?.body ?? '',
    version: Number(design.version),
    requirementIds,
    versions: versions.map((v) => ({
      version: Number(v.version),
      title: v.title,
      note: v.note,
      author: named(members, v.author_id),
      createdAt: v.created_at,
    })),
    createdBy: named(members, design.created_by),
    createdAt: design.created_at,
    updatedAt: design.updated_at,
  };
}

async function writeVersion(
  trx: Kysely<Database>,
  ctx: ChangeContext,
  designId: string,
  version: number,
  v: { title: string; body: string; note: string | null },
  now: string,
): Promise<void> {
  await trx
    .insertInto('solution_design_versions')
    .values({
      id: newId(),
      design_id: designId,
      version,
      title: v.title,
      body: v.body,
      note: v.note,
      author_id: ctx.memberId,
      created_at: now,
    })
    .execute();
}

export async function createDesign(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: CreateDesignInput,
): Promise<SolutionDesign> {
  const input = createDesignBody.parse(raw);
  await requireDeal(db, opportunityId);
  const requirementIds = await dealRequirementIds(db, opportunityId, input.requirementIds);
  const id = newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('solution_designs')
      .values({
        id,
        opportunity_id: opportunityId,
        title: input.title,
        version: 1,
        created_by: ctx.memberId,
        updated_by: ctx.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeVersion(trx, ctx, id, 1, { title: input.title, body: input.body, note: input.note || null }, now);
    await replaceLinks(trx, id, requirementIds);
    await recordAudit(trx, ctx, {
      action: 'solution_design.created',
      recordType: 'solution_design',
      recordId: id,
      changes: { title: [null, input.title], version: [null, 1], requirementIds: [null, requirementIds] },
    });
  });
  return getDesign(db, id);
}

/** Saves a new version (and, when given, the requirements it answers); 409 when a newer one was saved since `baseVersion`. */
export async function saveDesignVersion(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: SaveDesignVersionInput,
): Promise<SolutionDesign> {
  const input = saveDesignVersionBody.parse(raw);
  const design = await findDesign(db, id);
  const current = Number(design.version);
  if (input.baseVersion !== undefined && input.baseVersion !== current)
    throw errors.designVersionConflict({ field: 'baseVersion', latestVersion: current });
  const requirementIds = input.requirementIds && (await dealRequirementIds(db, design.opportunity_id, input.requirementIds));
  const title = input.title ?? design.title;
  const version = current + 1;
  const now = nowIso();
  try {
    await inTransaction(db, async (trx) => {
      // The version check and the bump in one statement: of two saves from the same version, one wins.
      const bumped = await trx
        .updateTable('solution_designs')
        .set({ title, version, updated_by: ctx.memberId, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', current)
        .executeTakeFirst();
      if (Number(bumped.numUpdatedRows) !== 1) throw errors.designVersionConflict({ field: 'baseVersion' });
      await writeVersion(trx, ctx, id, version, { title, body: input.body, note: input.note || null }, now);
      const changes: Record<string, [unknown, unknown]> = { version: [current, version] };
      if (title !== design.title) changes.title = [design.title, title];
      if (requirementIds) {
        changes.requirementIds = [await linkedIds(trx, id), requirementIds];
        await replaceLinks(trx, id, requirementIds);
      }
      await recordAudit(trx, ctx, { action: 'solution_design.version_saved', recordType: 'solution_design', recordId: id, changes });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw errors.designVersionConflict({ field: 'baseVersion' });
    throw err;
  }
  return getDesign(db, id);
}

/** Changes which requirements a design answers without a new version of its text. */
export async function setDesignRequirements(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  ids: readonly string[],
): Promise<SolutionDesign> {
  const design = await findDesign(db, id);
  const requirementIds = await dealRequirementIds(db, design.opportunity_id, ids);
  await inTransaction(db, async (trx) => {
    const before = await linkedIds(trx, id);
    await replaceLinks(trx, id, requirementIds);
    await trx.updateTable('solution_designs').set({ updated_by: ctx.memberId, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'solution_design.requirements_set',
      recordType: 'solution_design',
      recordId: id,
      changes: { requirementIds: [before, requirementIds] },
    });
  });
  return getDesign(db, id);
}

export async function getDesignVersion(db: Kysely<Database>, id: string, version: number): Promise<DesignVersion> {
  await findDesign(db, id);
  const v = await db
    .selectFrom('solution_design_versions')
    .selectAll()
    .where('design_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!v) throw errors.designVersionNotFound();
  const author = v.author_id ? (await memberRefs(db, [v.author_id])).get(v.author_id) : undefined;
  return {
    version: Number(v.version),
    title: v.title,
    note: v.note,
    author: v.author_id ? { id: v.author_id, name: author?.name ?? 'Former member' } : null,
    createdAt: v.created_at,
    body: v.body,
  };
}

/** A version against an earlier one (the one before it by default; version 1 against an empty text). */
export async function diffDesignVersions(db: Kysely<Database>, id: string, version: number, against?: number): Promise<DesignDiff> {
  const to = await getDesignVersion(db, id, version);
  const fromNumber = against ?? version - 1;
  const from = fromNumber >= 1 ? await getDesignVersion(db, id, fromNumber) : null;
  const lines = from ? lineDiff(from.body, to.body) : to.body.split(/\r\n?|\n/).map((text) => ({ op: 'added' as const, text }));
  return {
    from: from ? fromNumber : 0,
    to: version,
    added: lines.filter((l) => l.op === 'added').length,
    removed: lines.filter((l) => l.op === 'removed').length,
    lines,
  };
}

export async function deleteDesign(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const design = await findDesign(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('solution_design_requirements').where('design_id', '=', id).execute();
    await trx.deleteFrom('solution_design_versions').where('design_id', '=', id).execute();
    await trx.deleteFrom('solution_designs').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'solution_design.deleted',
      recordType: 'solution_design',
      recordId: id,
      changes: { title: [design.title, null], version: [Number(design.version), null] },
    });
  });
}
