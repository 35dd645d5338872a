import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { Notification, NotificationList } from '../contract/notifications.js';
import { enqueueEmail } from '../mail/outbox.js';
import type { NotificationsTable } from './tables.js';
import { publicBaseUrl } from './public-url.js';

/**
 * Who to tell. Platform sits below the team module and may not read members, so the caller (which
 * knows its members through team's batch reads) hands in each one's address.
 */
export interface NotificationRecipient {
  memberId: string;
  email: string;
  name: string;
}

export interface NotificationMessage {
  /** What happened, e.g. "feedback.request_shipped"; with `link` it identifies the message for `once`. */
  kind: string;
  title: string;
  body: string;
  /** The workbench path the notification opens, e.g. "/feature-requests/0190…". */
  link: string | null;
}

export interface NotifyOptions {
  /** Also e-mail each member through the outbox (the mail carries the same title, body and link). */
  email: boolean;
  /**
   * Skip members who already hold a notification of this kind and link, so a caller that runs again
   * (a replayed webhook, a status set twice) tells nobody twice.
   */
  once?: boolean;
}

function toNotification(row: NotificationsTable): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

function composeMail(to: NotificationRecipient, message: NotificationMessage): { subject: string; text: string } {
  const link = message.link ? `\n\nOpen it in Outpost: ${publicBaseUrl()}${message.link}` : '';
  return { subject: message.title, text: `Hello ${to.name},\n\n${message.body}${link}\n\n— Outpost` };
}

/**
 * Tells members something in the app (the bell) and, if asked, by e-mail: one notification per
 * member however often they appear in `recipients`. Call it with the caller's transaction so the
 * notification and its mail are written with the change that caused them. Returns the members told.
 *
 * @example await notifyMembers(trx, team, { kind: 'feedback.request_shipped', title, body, link }, { email: true, once: true });
 */
export async function notifyMembers(
  db: Kysely<Database>,
  recipients: readonly NotificationRecipient[],
  message: NotificationMessage,
  options: NotifyOptions,
  now = new Date(),
): Promise<string[]> {
  const byMember = new Map<string, NotificationRecipient>();
  for (const r of recipients) if (!byMember.has(r.memberId)) byMember.set(r.memberId, r);
  if (byMember.size === 0) return [];
  return inTransaction(db, async (trx) => {
    if (options.once) {
      let told = trx
        .selectFrom('notifications')
        .select('member_id')
        .where('member_id', 'in', [...byMember.keys()])
        .where('kind', '=', message.kind);
      told = message.link === null ? told.where('link', 'is', null) : told.where('link', '=', message.link);
      for (const row of await told.execute()) byMember.delete(row.member_id);
    }
    const at = now.toISOString();
    for (const recipient of byMember.values()) {
      const address = recipient.email.trim();
      let outboxId: string | null = null;
      if (options.email && address) {
        const mail = composeMail(recipient, message);
        outboxId = await enqueueEmail(
          trx,
          { to: [address], subject: mail.subject, text: mail.text, headers: { 'X-Outpost-Notification': message.kind } },
          now,
        );
      }
      await trx
        .insertInto('notifications')
        .values({
          id: newId(),
          member_id: recipient.memberId,
          kind: message.kind,
          title: message.title,
          body: message.body,
          link: message.link,
          outbox_email_id: outboxId,
          created_at: at,
          read_at: null,
        })
        .execute();
    }
    return [...byMember.keys()];
  });
}

/** A member's notifications, newest first, and how many of all of theirs are unread. */
export async function listNotifications(db: Kysely<Database>, memberId: string, limit: number): Promise<NotificationList> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toNotification), unreadCount: Number(unread.n) };
}

/**
 * Marks one of the member's notifications read (again is a no-op). Another member's notification
 * answers 404 like a missing one, so ids do not reveal what others were told.
 */
export async function markNotificationRead(db: Kysely<Database>, memberId: string, id: string, now = new Date()): Promise<Notification> {
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).where('member_id', '=', memberId).executeTakeFirst();
  if (!row) throw errors.notificationNotFound();
  if (row.read_at) return toNotification(row);
  const readAt = now.toISOString();
  await db.updateTable('notifications').set({ read_at: readAt }).where('id', '=', id).where('read_at', 'is', null).execute();
  return toNotification({ ...row, read_at: readAt });
}

/** Marks every unread notification of the member read; returns how many were. */
export async function markAllNotificationsRead(db: Kysely<Database>, memberId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
