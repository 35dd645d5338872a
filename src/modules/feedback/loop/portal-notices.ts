import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { contactContext, type PortalContact } from '../../identity/index.js';
import type { FeedbackPreferences, FeedbackPreferencesInput, PortalNotice, PortalNoticeList } from '../contract/loop.js';

/**
 * The product updates a contact was sent, in the portal. A contact sees only their own notices:
 * every read filters on the session's contact, and another contact's notice answers 404.
 */

function noticeRows(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('feedback_notices')
    .innerJoin('feature_requests', 'feature_requests.id', 'feedback_notices.request_id')
    .select([
      'feedback_notices.id',
      'feedback_notices.kind',
      'feedback_notices.title',
      'feedback_notices.body',
      'feedback_notices.created_at',
      'feedback_notices.read_at',
      'feature_requests.id as request_id',
      'feature_requests.title as request_title',
      'feature_requests.target_release',
    ])
    .where('feedback_notices.contact_id', '=', contactId);
}

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeRows>['executeTakeFirstOrThrow']>>;

function toNotice(r: NoticeRow): PortalNotice {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    request: { id: r.request_id, title: r.request_title, targetRelease: r.target_release },
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

/** A contact keeps a notice per shipped request; a hundred covers years of updates. */
const NOTICE_LIMIT = 100;

export async function listPortalNotices(db: Kysely<Database>, contact: PortalContact): Promise<PortalNoticeList> {
  const rows = await noticeRows(db, contact.contactId)
    .orderBy('feedback_notices.created_at', 'desc')
    .orderBy('feedback_notices.id', 'desc')
    .limit(NOTICE_LIMIT)
    .execute();
  const unread = await db
    .selectFrom('feedback_notices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('contact_id', '=', contact.contactId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toNotice), unreadCount: Number(unread.n) };
}

/** Marks one of the contact's own notices read (again is a no-op); not audited, it changes no record. */
export async function markPortalNoticeRead(
  db: Kysely<Database>,
  contact: PortalContact,
  id: string,
  now = new Date(),
): Promise<PortalNotice> {
  const row = await noticeRows(db, contact.contactId).where('feedback_notices.id', '=', id).executeTakeFirst();
  if (!row) throw errors.feedbackNoticeNotFound();
  if (row.read_at) return toNotice(row);
  const readAt = now.toISOString();
  await db
    .updateTable('feedback_notices')
    .set({ read_at: readAt })
    .where('id', '=', id)
    .where('contact_id', '=', contact.contactId)
    .where('read_at', 'is', null)
    .execute();
  return toNotice({ ...row, read_at: readAt });
}

export async function getFeedbackPreferences(db: Kysely<Database>, contact: PortalContact): Promise<FeedbackPreferences> {
  const row = await db
    .selectFrom('feedback_opt_outs')
    .select('opted_out_at')
    .where('contact_id', '=', contact.contactId)
    .executeTakeFirst();
  return { optOut: Boolean(row), optedOutAt: row?.opted_out_at ?? null };
}

/**
 * The contact's own consent to product updates. A change is audited as the contact's act (it decides
 * whether Outpost may e-mail them); setting what is already set changes and audits nothing.
 */
export async function setFeedbackPreferences(
  db: Kysely<Database>,
  contact: PortalContact,
  input: FeedbackPreferencesInput,
  ip: string | null,
  now = new Date(),
): Promise<FeedbackPreferences> {
  const before = await getFeedbackPreferences(db, contact);
  if (before.optOut === input.optOut) return before;
  await inTransaction(db, async (trx) => {
    if (input.optOut) {
      await trx.insertInto('feedback_opt_outs').values({ contact_id: contact.contactId, opted_out_at: now.toISOString() }).execute();
    } else {
      await trx.deleteFrom('feedback_opt_outs').where('contact_id', '=', contact.contactId).execute();
    }
    await recordAudit(trx, contactContext(contact, ip), {
      action: input.optOut ? 'contact.product_updates_off' : 'contact.product_updates_on',
      recordType: 'contact',
      recordId: contact.contactId,
      changes: { productUpdatesOptOut: [before.optOut, input.optOut] },
    });
  });
  return getFeedbackPreferences(db, contact);
}
