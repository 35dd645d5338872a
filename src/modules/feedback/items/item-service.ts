import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, findContact } from '../../accounts/index.js';
import type { CreateFeedbackInput, FeedbackItem, LinkFeedbackInput, UpdateFeedbackInput } from '../contract/items.js';
import { IMPACT_WEIGHTS, type Impact } from '../contract/kinds.js';
import { createRequestBody } from '../contract/requests.js';
import { insertRequest } from '../requests/request-write.js';
import { liveRequestId, refreshRequest } from '../requests/request-links.js';
import { resolveSource } from './item-sources.js';
import { toItemViews, type FeedbackItemRow } from './item-view.js';

async function itemRow(db: Kysely<Database>, id: string): Promise<FeedbackItemRow> {
  const row = await db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.feedbackItemNotFound();
  return row;
}

export async function getFeedbackItem(db: Kysely<Database>, id: string): Promise<FeedbackItem> {
  return (await toItemViews(db, [await itemRow(db, id)]))[0]!;
}

async function assertContactOf(db: Kysely<Database>, contactId: string, accountId: string): Promise<void> {
  const contact = await findContact(db, contactId);
  if (!contact || contact.accountId !== accountId) throw errors.feedbackContactNotOnAccount();
}

/**
 * Captures one need in the customer's words. The source decides the account (a ticket's account,
 * an engagement's account); a capture by hand or from a record Outpost does not hold names it.
 */
export async function createFeedbackItem(db: Kysely<Database>, ctx: ChangeContext, input: CreateFeedbackInput): Promise<FeedbackItem> {
  const sourceType = input.sourceType ?? 'manual';
  const source = await resolveSource(db, sourceType, input.sourceId);
  if (source.accountId && input.accountId && input.accountId !== source.accountId) throw errors.feedbackAccountMismatch();
  const accountId = source.accountId ?? input.accountId;
  if (!accountId) throw errors.feedbackAccountRequired();
  if (!(await accountExists(db, accountId))) throw errors.referenceMissing('account', 'accountId');
  const contactId = input.contactId === undefined ? source.contactId : input.contactId;
  if (contactId) await assertContactOf(db, contactId, accountId);
  const requestId = input.requestId
    ? await liveRequestId(db, input.requestId).catch(() => Promise.reject(errors.referenceMissing('feature request', 'requestId')))
    : null;
  const now = nowIso();
  const id = newId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('feedback_items')
      .values({
        id,
        account_id: accountId,
        contact_id: contactId ?? null,
        captured_by: ctx.memberId,
        title: input.title,
        quote: input.quote,
        impact: input.impact,
        impact_weight: IMPACT_WEIGHTS[input.impact],
        source_type: sourceType,
        source_id: input.sourceId ?? null,
        source_label: source.label,
        source_url: source.url,
        product_area: input.productArea ?? null,
        tags: JSON.stringify([...new Set(input.tags ?? [])]),
        request_id: requestId,
        linked_at: requestId ? now : null,
        linked_by: requestId ? ctx.memberId : null,
        customer_told_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (requestId) await refreshRequest(trx, requestId);
    await recordAudit(trx, ctx, { action: 'feedback.captured', recordType: 'feedback_item', recordId: id });
  });
  return getFeedbackItem(db, id);
}

export async function updateFeedbackItem(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateFeedbackInput,
): Promise<FeedbackItem> {
  const before = await itemRow(db, id);
  if (input.contactId) await assertContactOf(db, input.contactId, before.account_id);
  const impact: Impact = input.impact ?? before.impact;
  const changes = {
    title: input.title ?? before.title,
    quote: input.quote ?? before.quote,
    impact,
    impact_weight: IMPACT_WEIGHTS[impact],
    contact_id: input.contactId === undefined ? before.contact_id : input.contactId,
    product_area: input.productArea === undefined ? before.product_area : input.productArea,
    tags: input.tags ? JSON.stringify([...new Set(input.tags)]) : before.tags,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('feedback_items')
      .set({ ...changes, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (before.request_id) await refreshRequest(trx, before.request_id);
    await recordAudit(trx, ctx, {
      action: 'feedback.updated',
      recordType: 'feedback_item',
      recordId: id,
      changes: diff(before, { ...before, ...changes }),
    });
  });
  return getFeedbackItem(db, id);
}

export async function deleteFeedbackItem(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await itemRow(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('feedback_items').where('id', '=', id).execute();
    if (before.request_id) await refreshRequest(trx, before.request_id);
    await recordAudit(trx, ctx, { action: 'feedback.deleted', recordType: 'feedback_item', recordId: id, changes: diff(before, null) });
  });
}

/** Links an item to a request (a merged one redirects to its survivor), to a new request made from it, or unlinks it. */
export async function linkFeedbackItem(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: LinkFeedbackInput,
): Promise<FeedbackItem> {
  const before = await itemRow(db, id);
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    let requestId: string | null;
    if ('newRequest' in input) {
      const body = createRequestBody.parse({ ...input.newRequest, productArea: input.newRequest.productArea ?? before.product_area });
      requestId = await insertRequest(trx, ctx, body);
    } else if (input.requestId) {
      requestId = await liveRequestId(trx, input.requestId).catch(() =>
        Promise.reject(errors.referenceMissing('feature request', 'requestId')),
      );
    } else requestId = null;
    await trx
      .updateTable('feedback_items')
      .set({ request_id: requestId, linked_at: requestId ? now : null, linked_by: requestId ? ctx.memberId : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    for (const touched of new Set([before.request_id, requestId])) if (touched) await refreshRequest(trx, touched);
    await recordAudit(trx, ctx, {
      action: requestId ? 'feedback.linked' : 'feedback.unlinked',
      recordType: 'feedback_item',
      recordId: id,
      changes: { request_id: [before.request_id, requestId] },
    });
  });
  return getFeedbackItem(db, id);
}
