import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { diff, recordAudit } from '../../../../kernel/audit.js';
import { nowIso } from '../../../../kernel/clock.js';
import { errors } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import {
  bulkFitBody,
  createRequirementBody,
  updateRequirementBody,
  type CreateRequirementInput,
  type Requirement,
  type RequirementList,
  type RequirementListQuery,
  type UpdateRequirementInput,
} from '../../contract/solutions.js';
import { requireDeal } from '../deal.js';
import { captureGap, GAP_CAPTURED_NOTICE, GAP_KEPT_NOTICE } from '../gap-feedback.js';
import { isUniqueViolation } from '../unique-violation.js';
import { fitSummary } from './fit-summary.js';
import { filterRequirements } from './requirement-filter.js';
import {
  designIdsOfDeal,
  findRequirement,
  nextPosition,
  referenceKey,
  requirementRows,
  requirementWithReference,
  type RequirementRow,
} from './requirement-rows.js';
import { toRequirementViews } from './requirement-view.js';

/**
 * Requirements (issue 16): what the customer asked for, line by line, with how the product meets
 * each. Marking one a `gap` captures it once as a feedback item (gap-feedback.ts) in the same
 * transaction; every write is audited.
 */

export interface RequirementWrite {
  requirement: Requirement;
  notices: string[];
}

/** A deal's requirements (filtered), with the fit summary and the sections of all of them. */
export async function listRequirements(
  db: Kysely<Database>,
  opportunityId: string,
  q: RequirementListQuery = {},
): Promise<RequirementList> {
  await requireDeal(db, opportunityId);
  const [rows, designIds] = await Promise.all([requirementRows(db, opportunityId), designIdsOfDeal(db, opportunityId)]);
  const sections = [...new Set(rows.map((r) => r.section).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b));
  return {
    items: await toRequirementViews(db, filterRequirements(rows, q, designIds), designIds),
    summary: fitSummary(rows.map((r) => ({ fit: r.fit, priority: r.priority, hasDesign: !!designIds.get(r.id)?.length }))),
    sections,
  };
}

async function viewOf(db: Kysely<Database>, row: RequirementRow): Promise<Requirement> {
  return (await toRequirementViews(db, [row], await designIdsOfDeal(db, row.opportunity_id)))[0]!;
}

export async function getRequirement(db: Kysely<Database>, id: string): Promise<Requirement> {
  return viewOf(db, await findRequirement(db, id));
}

async function assertReferenceFree(db: Kysely<Database>, opportunityId: string, reference: string | null | undefined, exceptId?: string) {
  const key = referenceKey(reference);
  if (key && (await requirementWithReference(db, opportunityId, key, exceptId)))
    throw errors.requirementReferenceTaken({ field: 'reference' });
}

/** Refuses a reference another requirement took between the check and the write. */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw errors.requirementReferenceTaken({ field: 'reference' });
    throw err;
  }
}

const audited = (r: RequirementRow) => ({
  reference: r.reference,
  text: r.text,
  section: r.section,
  priority: r.priority,
  fit: r.fit,
  notes: r.notes,
  position: Number(r.position),
});

export async function createRequirement(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: CreateRequirementInput,
): Promise<RequirementWrite> {
  const input = createRequirementBody.parse(raw);
  await requireDeal(db, opportunityId);
  await assertReferenceFree(db, opportunityId, input.reference);
  const now = nowIso();
  const notices: string[] = [];
  const row = await writing(() =>
    inTransaction(db, async (trx) => {
      const end = await nextPosition(trx, opportunityId);
      const position = input.position === undefined ? end : Math.min(input.position, end);
      if (position < end)
        await trx
          .updateTable('requirements')
          .set((eb) => ({ position: eb('position', '+', 1) }))
          .where('opportunity_id', '=', opportunityId)
          .where('position', '>=', position)
          .execute();
      const values: RequirementRow = {
        id: newId(),
        opportunity_id: opportunityId,
        reference: input.reference || null,
        reference_key: referenceKey(input.reference),
        text: input.text,
        section: input.section || null,
        priority: input.priority,
        fit: input.fit,
        notes: input.notes || null,
        position,
        feedback_item_id: null,
        created_by: ctx.memberId,
        updated_by: ctx.memberId,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('requirements').values(values).execute();
      if (values.fit === 'gap') {
        values.feedback_item_id = await captureGap(trx, ctx, values);
        notices.push(GAP_CAPTURED_NOTICE);
      }
      await recordAudit(trx, ctx, {
        action: 'requirement.created',
        recordType: 'requirement',
        recordId: values.id,
        changes: diff(null, audited(values)),
      });
      return values;
    }),
  );
  return { requirement: await viewOf(db, row), notices };
}

/**
 * Applies one requirement's new values in the caller's transaction: captures a new gap, and says
 * so when a gap's item stays behind. Returns the notices for the person who made the change.
 */
async function applyChange(trx: Kysely<Database>, ctx: ChangeContext, before: RequirementRow, after: RequirementRow): Promise<string[]> {
  const notices: string[] = [];
  await trx
    .updateTable('requirements')
    .set({
      reference: after.reference,
      reference_key: after.reference_key,
      text: after.text,
      section: after.section,
      priority: after.priority,
      fit: after.fit,
      notes: after.notes,
      updated_by: after.updated_by,
      updated_at: after.updated_at,
    })
    .where('id', '=', before.id)
    .execute();
  if (after.fit === 'gap' && !before.feedback_item_id) {
    after.feedback_item_id = await captureGap(trx, ctx, after);
    notices.push(GAP_CAPTURED_NOTICE);
  } else if (before.fit === 'gap' && after.fit !== 'gap' && before.feedback_item_id) notices.push(GAP_KEPT_NOTICE);
  await recordAudit(trx, ctx, {
    action: 'requirement.updated',
    recordType: 'requirement',
    recordId: before.id,
    changes: diff(audited(before), audited(after)),
  });
  return notices;
}

export async function updateRequirement(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdateRequirementInput,
): Promise<RequirementWrite> {
  const input = updateRequirementBody.parse(raw);
  const before = await findRequirement(db, id);
  if (input.reference !== undefined) await assertReferenceFree(db, before.opportunity_id, input.reference, id);
  const reference = input.reference === undefined ? before.reference : input.reference || null;
  const after: RequirementRow = {
    ...before,
    reference,
    reference_key: referenceKey(reference),
    text: input.text ?? before.text,
    section: input.section === undefined ? before.section : input.section || null,
    priority: input.priority ?? before.priority,
    fit: input.fit ?? before.fit,
    notes: input.notes === undefined ? before.notes : input.notes || null,
    updated_by: ctx.memberId,
    updated_at: nowIso(),
  };
  const notices = await writing(() => inTransaction(db, (trx) => applyChange(trx, ctx, before, after)));
  return { requirement: await viewOf(db, after), notices };
}

/** Deletes a requirement (its design links go with it); a gap's feedback item stays in the inbox. */
export async function deleteRequirement(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await findRequirement(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('solution_design_requirements').where('requirement_id', '=', id).execute();
    await trx.deleteFrom('requirements').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'requirement.deleted',
      recordType: 'requirement',
      recordId: id,
      changes: diff(audited(before), null),
    });
  });
}

/** Puts a deal's requirements in the order given; the list must name every one of them once. */
export async function reorderRequirements(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  ids: readonly string[],
): Promise<void> {
  await requireDeal(db, opportunityId);
  const rows = await requirementRows(db, opportunityId);
  const known = new Set(rows.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== rows.length || ids.some((i) => !known.has(i)))
    throw errors.requirementsOrderIncomplete({ field: 'ids' });
  const current = new Map(rows.map((r) => [r.id, Number(r.position)]));
  await inTransaction(db, async (trx) => {
    for (const [position, id] of ids.entries())
      if (current.get(id) !== position) await trx.updateTable('requirements').set({ position }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'requirements.reordered',
      recordType: 'opportunity',
      recordId: opportunityId,
      changes: { order: [rows.map((r) => r.id), [...ids]] },
    });
  });
}

/** Sets the fit (and, when given, the notes) of many requirements of one deal at once. */
export async function setRequirementsFit(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: { ids: string[]; fit: Requirement['fit']; notes?: string | null },
): Promise<{ updated: number; feedbackItemsCreated: number; notices: string[] }> {
  const input = bulkFitBody.parse(raw);
  await requireDeal(db, opportunityId);
  const wanted = new Set(input.ids);
  const rows = (await requirementRows(db, opportunityId)).filter((r) => wanted.has(r.id));
  if (rows.length !== wanted.size) throw errors.requirementsNotOfOpportunity({ field: 'ids' });
  const now = nowIso();
  let captured = 0;
  let kept = 0;
  let updated = 0;
  await inTransaction(db, async (trx) => {
    for (const before of rows) {
      const after: RequirementRow = {
        ...before,
        fit: input.fit,
        notes: input.notes === undefined ? before.notes : input.notes || null,
        updated_by: ctx.memberId,
        updated_at: now,
      };
      if (after.fit === before.fit && after.notes === before.notes) continue;
      updated += 1;
      const notices = await applyChange(trx, ctx, before, after);
      if (notices.includes(GAP_CAPTURED_NOTICE)) captured += 1;
      if (notices.includes(GAP_KEPT_NOTICE)) kept += 1;
    }
  });
  const notices: string[] = [];
  if (captured) notices.push(`${captured} gap${captured === 1 ? '' : 's'} captured in the feedback insights inbox.`);
  if (kept)
    notices.push(
      `${kept} former gap${kept === 1 ? '' : 's'} keep${kept === 1 ? 's its' : ' their'} feedback item${kept === 1 ? '' : 's'} in the insights inbox: delete ${kept === 1 ? 'it' : 'them'} there if no longer needed.`,
    );
  return { updated, feedbackItemsCreated: captured, notices };
}
