import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, accountRefs, contactRefs, logInteraction } from '../../accounts/index.js';
import { enqueueEmail, publicBaseUrl } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';
import {
  MAX_REVIEW_DAYS,
  type BusinessReview,
  type BusinessReviewSummary,
  type CreateReviewInput,
  type PortalBusinessReview,
  type ReviewData,
  type ReviewSection,
  type SendReviewInput,
  type UpdateReviewInput,
} from '../contract/reviews.js';
import type { BusinessReviewsTable } from './tables.js';
import { daysBetween } from './review-figures.js';
import { generateReviewData } from './review-generate.js';
import { draftSections } from './review-prose.js';

/** Where a contact reads the reviews shared with them. */
export const PORTAL_REVIEWS_PATH = '/portal/success';

type Row = BusinessReviewsTable;

const day = (v: string) => String(v).slice(0, 10);

function summaryOf(r: Row): BusinessReviewSummary {
  return {
    id: r.id,
    accountId: r.account_id,
    title: r.title,
    periodStart: day(r.period_start),
    periodEnd: day(r.period_end),
    status: r.status,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** What the portal shows of a review's header: not its internal status or creation time. */
function portalSummaryOf(r: Row) {
  return {
    id: r.id,
    accountId: r.account_id,
    title: r.title,
    periodStart: day(r.period_start),
    periodEnd: day(r.period_end),
    sentAt: r.sent_at,
  };
}

async function findRow(db: Kysely<Database>, id: string): Promise<Row> {
  const row = await db.selectFrom('business_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.businessReviewNotFound({ reviewId: id });
  return row;
}

function checkPeriod(start: string, end: string): void {
  if (end < start) throw errors.businessReviewPeriodInvalid('The period must end on or after its start.', 'periodEnd');
  if (daysBetween(start, end) + 1 > MAX_REVIEW_DAYS)
    throw errors.businessReviewPeriodInvalid(`A review covers a year at most (${MAX_REVIEW_DAYS} days): shorten the period.`, 'periodEnd');
}

/** Generates a draft review from live data: the figures are stored as generated, the sections prefilled in words. */
export async function generateReview(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateReviewInput,
  now = new Date(),
): Promise<BusinessReview> {
  checkPeriod(input.periodStart, input.periodEnd);
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound({ accountId });
  const data = await generateReviewData(db, accountId, input.periodStart, input.periodEnd, now);
  const at = now.toISOString();
  const row: Row = {
    id: newId(),
    account_id: accountId,
    title: input.title ?? `Business review ${input.periodStart} – ${input.periodEnd}`,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    status: 'draft',
    data: JSON.stringify(data),
    sections: JSON.stringify(draftSections(data, input.periodStart, input.periodEnd)),
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
    sent_at: null,
    sent_by: null,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('business_reviews').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'business_review.generated',
      recordType: 'business_review',
      recordId: row.id,
      changes: diff(null, { accountId, title: row.title, periodStart: row.period_start, periodEnd: row.period_end }),
    });
  });
  return getReview(db, row.id);
}

/** An account's reviews, newest first (an account holds a handful a year, so no paging). */
export async function listAccountReviews(db: Kysely<Database>, accountId: string): Promise<{ items: BusinessReviewSummary[] }> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound({ accountId });
  const rows = await db
    .selectFrom('business_reviews')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(summaryOf) };
}

export async function getReview(db: Kysely<Database>, id: string): Promise<BusinessReview> {
  const row = await findRow(db, id);
  const recipients = await db
    .selectFrom('business_review_recipients')
    .select(['contact_id', 'shared_at'])
    .where('review_id', '=', id)
    .orderBy('shared_at')
    .orderBy('contact_id')
    .execute();
  const [accounts, members, contacts] = await Promise.all([
    accountRefs(db, [row.account_id]),
    memberRefs(
      db,
      [row.created_by, row.sent_by].filter((m): m is string => m !== null),
    ),
    contactRefs(
      db,
      recipients.map((r) => r.contact_id),
    ),
  ]);
  const person = (id: string | null) => {
    const m = id ? members.get(id) : undefined;
    return m ? { id: m.id, name: m.name } : null;
  };
  return {
    ...summaryOf(row),
    accountName: accounts.get(row.account_id)?.name ?? '',
    data: JSON.parse(row.data) as ReviewData,
    sections: JSON.parse(row.sections) as ReviewSection[],
    createdBy: person(row.created_by),
    updatedAt: row.updated_at,
    sentBy: person(row.sent_by),
    recipients: recipients.map((r) => {
      const c = contacts.get(r.contact_id);
      return { id: r.contact_id, name: c?.name ?? '', email: c?.email ?? '', sharedAt: r.shared_at };
    }),
  };
}

/** Changes the title or sections' text of a draft; a sent review is read-only. */
export async function updateReview(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateReviewInput,
  now = new Date(),
): Promise<BusinessReview> {
  await inTransaction(db, async (trx) => {
    const row = await findRow(trx, id);
    if (row.status !== 'draft') throw errors.businessReviewSent({ reviewId: id });
    const sections = JSON.parse(row.sections) as ReviewSection[];
    const changed = sections.map((s) => {
      const edit = input.sections?.find((e) => e.key === s.key);
      return edit ? { ...s, title: edit.title ?? s.title, markdown: edit.markdown } : s;
    });
    const next = { title: input.title ?? row.title, sections: JSON.stringify(changed) };
    await trx
      .updateTable('business_reviews')
      .set({ ...next, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    await recordAudit(trx, ctx, {
      action: 'business_review.updated',
      recordType: 'business_review',
      recordId: id,
      changes: diff({ title: row.title, sections: row.sections }, next),
    });
  });
  return getReview(db, id);
}

/** Deletes a draft; a sent review stays, as the customer holds it. */
export async function deleteReview(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await findRow(trx, id);
    if (row.status !== 'draft') throw errors.businessReviewSent({ reviewId: id });
    await trx.deleteFrom('business_reviews').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'business_review.deleted',
      recordType: 'business_review',
      recordId: id,
      changes: diff({ title: row.title, accountId: row.account_id }, null),
    });
  });
}

/**
 * Sends a draft to contacts of its account, in one transaction: marks it sent, stores the
 * recipients, files a `business_review` interaction on the account's timeline (the contacts and
 * the sender attend) and queues one e-mail per contact with a link to the portal. A recipient who
 * is not a contact of this account fails the whole send (422) before anything is written.
 */
export async function sendReview(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: SendReviewInput,
  now = new Date(),
): Promise<BusinessReview> {
  const contactIds = [...new Set(input.contactIds)];
  await inTransaction(db, async (trx) => {
    const row = await findRow(trx, id);
    if (row.status !== 'draft') throw errors.businessReviewSent({ reviewId: id });
    const contacts = await contactRefs(trx, contactIds);
    const foreign = contactIds.filter((c) => contacts.get(c)?.accountId !== row.account_id);
    if (foreign.length) throw errors.businessReviewContactNotOfAccount(foreign);
    const at = now.toISOString();
    const marked = await trx
      .updateTable('business_reviews')
      .set({ status: 'sent', sent_at: at, sent_by: ctx.memberId, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    // Two sends racing: the second finds the row already sent.
    if (Number(marked.numUpdatedRows) !== 1) throw errors.businessReviewSent({ reviewId: id });
    await trx
      .insertInto('business_review_recipients')
      .values(contactIds.map((contactId) => ({ review_id: id, contact_id: contactId, shared_at: at })))
      .execute();
    const period = `${day(row.period_start)} to ${day(row.period_end)}`;
    await logInteraction(trx, ctx, row.account_id, {
      kind: 'business_review',
      occurredAt: at,
      durationMinutes: 0,
      subject: `Business review sent: ${row.title}`,
      notes: `Covers ${period}; shared in the portal with ${contactIds.map((c) => contacts.get(c)!.name).join(', ')}.`,
      memberIds: ctx.memberId ? [ctx.memberId] : [],
      contactIds,
    });
    const link = `${publicBaseUrl()}${PORTAL_REVIEWS_PATH}`;
    for (const contactId of contactIds) {
      const contact = contacts.get(contactId)!;
      if (!contact.email.trim()) continue;
      await enqueueEmail(
        trx,
        {
          to: [contact.email.trim()],
          subject: `Your business review: ${row.title}`,
          text: [
            `Hello ${contact.name},`,
            '',
            `Your business review for ${period} is ready: "${row.title}".`,
            `Read it and download the PDF in the portal: ${link}`,
          ].join('\n'),
          headers: { 'X-Outpost-Business-Review': id },
        },
        now,
      );
    }
    await recordAudit(trx, ctx, {
      action: 'business_review.sent',
      recordType: 'business_review',
      recordId: id,
      changes: diff({ status: 'draft' }, { status: 'sent', recipients: contactIds }),
    });
  });
  return getReview(db, id);
}

/**
 * Reviews shared with anyone at the contact's account: a review is addressed to the customer, and
 * the colleague who was not on the recipient list may read it too (as with the account's tickets).
 * Never another account's: the account is the signed-in contact's own.
 */
/** Sent reviews of the contact's account that were shared with this contact (the sender chooses who sees a review). */
async function portalRows(db: Kysely<Database>, accountId: string, contactId: string, reviewId?: string): Promise<Row[]> {
  let q = db
    .selectFrom('business_reviews')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'sent')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('business_review_recipients as r')
          .select('r.review_id')
          .whereRef('r.review_id', '=', 'business_reviews.id')
          .where('r.contact_id', '=', contactId),
      ),
    );
  if (reviewId) q = q.where('id', '=', reviewId);
  return q.orderBy('sent_at', 'desc').orderBy('id', 'desc').execute();
}

export async function listPortalReviews(db: Kysely<Database>, accountId: string, contactId: string) {
  const rows = await portalRows(db, accountId, contactId);
  return { items: rows.map(portalSummaryOf) };
}

export async function getPortalReview(
  db: Kysely<Database>,
  accountId: string,
  contactId: string,
  id: string,
): Promise<PortalBusinessReview> {
  const [row] = await portalRows(db, accountId, contactId, id);
  if (!row) throw errors.businessReviewNotFound({ reviewId: id });
  return {
    ...portalSummaryOf(row),
    accountName: (await accountRefs(db, [row.account_id])).get(row.account_id)?.name ?? '',
    data: JSON.parse(row.data) as ReviewData,
    sections: JSON.parse(row.sections) as ReviewSection[],
  };
}
