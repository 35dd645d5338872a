import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { CreateRequestInput, UpdateRequestInput } from '../contract/requests.js';
import { closeTheLoop } from '../loop/close-the-loop.js';
import { refreshRequestFigures } from './request-figures.js';
import { refreshRequest } from './request-links.js';

async function assertOwner(db: Kysely<Database>, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const owner = (await memberRefs(db, [ownerId])).get(ownerId);
  if (!owner || owner.status === 'disabled') throw errors.referenceMissing('active member', 'ownerId');
}

/** Writes a new request inside the caller's transaction (creating one from an inbox item uses it too). */
export async function insertRequest(trx: Kysely<Database>, ctx: ChangeContext, input: CreateRequestInput): Promise<string> {
  await assertOwner(trx, input.ownerId);
  const id = newId();
  const now = nowIso();
  const status = input.status ?? 'under_review';
  await trx
    .insertInto('feature_requests')
    .values({
      id,
      title: input.title,
      description: input.description ?? '',
      product_area: input.productArea ?? null,
      status,
      declined_reason: null,
      owner_id: input.ownerId ?? null,
      target_release: input.targetRelease ?? null,
      visibility: input.visibility ?? 'internal',
      merged_into_id: null,
      shipped_at: status === 'shipped' ? now : null,
      created_by: ctx.memberId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await refreshRequest(trx, id);
  await recordAudit(trx, ctx, { action: 'feature_request.created', recordType: 'feature_request', recordId: id });
  return id;
}

export function createFeatureRequest(db: Kysely<Database>, ctx: ChangeContext, input: CreateRequestInput): Promise<string> {
  return inTransaction(db, (trx) => insertRequest(trx, ctx, input));
}

async function liveRow(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('feature_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.featureRequestNotFound();
  if (row.merged_into_id) throw errors.featureRequestMerged({ mergedIntoId: row.merged_into_id });
  return row;
}

/**
 * Edits a request. Moving it to `shipped` closes the loop in the same transaction: every contact
 * who asked is told once, each account team is notified (loop/close-the-loop.ts).
 */
export async function updateFeatureRequest(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateRequestInput): Promise<void> {
  const before = await liveRow(db, id);
  await assertOwner(db, input.ownerId);
  const status = input.status ?? before.status;
  const shipping = status === 'shipped' && before.status !== 'shipped';
  const now = nowIso();
  const after = {
    title: input.title ?? before.title,
    description: input.description ?? before.description,
    product_area: input.productArea === undefined ? before.product_area : input.productArea,
    status,
    declined_reason: status === 'declined' ? (input.declinedReason ?? before.declined_reason) : null,
    owner_id: input.ownerId === undefined ? before.owner_id : input.ownerId,
    target_release: input.targetRelease === undefined ? before.target_release : input.targetRelease,
    visibility: input.visibility ?? before.visibility,
    shipped_at: status === 'shipped' ? (before.shipped_at ?? now) : null,
  };
  if (status === 'declined' && !after.declined_reason) {
    throw errors.validation('Say why the request is declined', {
      location: 'body',
      issues: [{ path: 'declinedReason', message: 'Required when declining' }],
    });
  }
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('feature_requests')
      .set({ ...after, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (after.title !== before.title || after.description !== before.description) await refreshRequest(trx, id);
    await recordAudit(trx, ctx, {
      action: 'feature_request.updated',
      recordType: 'feature_request',
      recordId: id,
      changes: diff(before, { ...before, ...after }),
    });
    if (shipping) await closeTheLoop(trx, ctx, id);
  });
}

/**
 * Merges `id` into `intoId`: every item, opportunity blocker, engineering issue and UAT round moves
 * to the survivor, and the old request keeps only a redirect (merged_into_id). Both are audited.
 */
export async function mergeFeatureRequests(db: Kysely<Database>, ctx: ChangeContext, id: string, intoId: string): Promise<void> {
  if (id === intoId) throw errors.featureRequestMergeSelf();
  const from = await liveRow(db, id);
  const into = await db.selectFrom('feature_requests').selectAll().where('id', '=', intoId).executeTakeFirst();
  if (!into) throw errors.referenceMissing('feature request', 'intoId');
  if (into.merged_into_id) throw errors.featureRequestMerged({ mergedIntoId: into.merged_into_id });
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx.updateTable('feedback_items').set({ request_id: intoId, updated_at: now }).where('request_id', '=', id).execute();
    await trx
      .updateTable('engineering_issues')
      .set({ feature_request_id: intoId, updated_at: now })
      .where('feature_request_id', '=', id)
      .execute();
    await trx.updateTable('uat_rounds').set({ request_id: intoId, updated_at: now }).where('request_id', '=', id).execute();
    // An opportunity that listed both counts once, on the survivor.
    const already = (
      await trx.selectFrom('feature_request_blockers').select('opportunity_id').where('request_id', '=', intoId).execute()
    ).map((b) => b.opportunity_id);
    if (already.length)
      await trx.deleteFrom('feature_request_blockers').where('request_id', '=', id).where('opportunity_id', 'in', already).execute();
    await trx.updateTable('feature_request_blockers').set({ request_id: intoId, updated_at: now }).where('request_id', '=', id).execute();
    await trx.updateTable('feature_requests').set({ merged_into_id: intoId, updated_at: now }).where('id', '=', id).execute();
    await refreshRequest(trx, intoId);
    await refreshRequestFigures(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'feature_request.merged',
      recordType: 'feature_request',
      recordId: id,
      changes: { merged_into_id: [null, intoId] },
    });
    await recordAudit(trx, ctx, {
      action: 'feature_request.absorbed',
      recordType: 'feature_request',
      recordId: intoId,
      changes: { merged_from: [null, from.id] },
    });
  });
}

/** Records that an opportunity lists a request as a blocker (pre-sales calls this; the API exposes it for integrations). */
export async function setOpportunityBlocker(
  db: Kysely<Database>,
  ctx: ChangeContext,
  requestId: string,
  input: { opportunityId: string; accountId: string; arr: number; open?: boolean },
): Promise<void> {
  await liveRow(db, requestId);
  if (!(await accountExists(db, input.accountId))) throw errors.referenceMissing('account', 'accountId');
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('feature_request_blockers')
      .select('id')
      .where('request_id', '=', requestId)
      .where('opportunity_id', '=', input.opportunityId)
      .executeTakeFirst();
    const values = { account_id: input.accountId, arr: input.arr, is_open: input.open === false ? 0 : 1, updated_at: now };
    if (existing) await trx.updateTable('feature_request_blockers').set(values).where('id', '=', existing.id).execute();
    else {
      await trx
        .insertInto('feature_request_blockers')
        .values({ id: newId(), request_id: requestId, opportunity_id: input.opportunityId, created_at: now, ...values })
        .execute();
    }
    await refreshRequestFigures(trx, [requestId]);
    await recordAudit(trx, ctx, {
      action: 'feature_request.blocker_set',
      recordType: 'feature_request',
      recordId: requestId,
      changes: { [input.opportunityId]: [null, values] },
    });
  });
}
