import type { Kysely } from 'kysely';
import type { SendMailOptions } from 'nodemailer';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { DEFAULT_MAIL_FROM, mailSettings } from './mail-settings.js';
import type { OutboxEmailsTable, OutboxStatus } from './tables.js';

/** What the delivery pass needs of a nodemailer transport (a test can hand in its own). */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

export interface OutgoingEmail {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  /** Message-ID, In-Reply-To, References and any other header, by name. */
  headers: Record<string, string>;
  ticketId?: string | null;
  /** Files sent with the mail, copied into the outbox; at most `mailSettings().maxAttachmentBytes` in all. */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A queued mail's state, for the record that sent it (a collateral send shows whether its mail went). */
export interface OutboxEmailState {
  id: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 60_000;
/** A claimed mail is invisible to other passes this long; if its sender dies it comes back. */
const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH = 50;

/** Wait after the n-th failed attempt: 1 min, 2, 4, 8, 16 (then the mail is marked failed). */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

/**
 * Queues a mail. Call it with the caller's transaction, so a reply and its mail are written
 * together or not at all; the delivery pass sends it after commit.
 */
export async function enqueueEmail(db: Kysely<Database>, mail: OutgoingEmail, now = new Date()): Promise<string> {
  const attachments = mail.attachments ?? [];
  const total = attachments.reduce((sum, a) => sum + a.content.length, 0);
  // Callers check the limit first and tell the user; this guards the relay from a caller that did not.
  const limit = mailSettings().maxAttachmentBytes;
  if (total > limit) throw new Error(`Attachments of ${total} bytes exceed the mail limit of ${limit} bytes`);
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('outbox_emails')
    .values({
      id,
      to_addresses: JSON.stringify(mail.to),
      cc_addresses: JSON.stringify(mail.cc ?? []),
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: JSON.stringify(mail.headers),
      ticket_id: mail.ticketId ?? null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  if (attachments.length) {
    await db
      .insertInto('outbox_email_attachments')
      .values(
        attachments.map((a, position) => ({
          id: newId(),
          email_id: id,
          position,
          filename: a.filename,
          content_type: a.contentType,
          size_bytes: a.content.length,
          content: a.content,
        })),
      )
      .execute();
  }
  return id;
}

/** Queued mails' states by id, in one read (ids that match nothing are absent). */
export async function outboxEmailStates(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, OutboxEmailState>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['id', 'status', 'attempts', 'last_error', 'sent_at'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, status: r.status, attempts: Number(r.attempts), lastError: r.last_error, sentAt: r.sent_at }]),
  );
}

async function attachmentsOf(db: Kysely<Database>, emailId: string): Promise<NonNullable<SendMailOptions['attachments']>> {
  const rows = await db
    .selectFrom('outbox_email_attachments')
    .select(['filename', 'content_type', 'content'])
    .where('email_id', '=', emailId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: Buffer.from(r.content) }));
}

function toSendOptions(row: OutboxEmailsTable, from: string, attachments: SendMailOptions['attachments']): SendMailOptions {
  const {
    'Message-ID': messageId,
    'In-Reply-To': inReplyTo,
    References: references,
    ...rest
  } = JSON.parse(row.headers) as Record<string, string>;
  const cc = JSON.parse(row.cc_addresses) as string[];
  return {
    from,
    to: JSON.parse(row.to_addresses) as string[],
    ...(cc.length ? { cc } : {}),
    subject: row.subject,
    text: row.text_body,
    ...(row.html_body ? { html: row.html_body } : {}),
    ...(messageId ? { messageId } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references ? { references } : {}),
    ...(attachments?.length ? { attachments } : {}),
    headers: rest,
  };
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * One delivery pass: sends every queued mail that is due at `now`. A failure is retried with
 * exponential backoff; after MAX_ATTEMPTS the mail is marked failed and kept with its last error.
 * Each mail is claimed first (a compare-and-set on its due time), so two passes — on two nodes,
 * or one slow pass overlapping the next — never send it twice.
 */
export async function deliverOutbox(
  db: Kysely<Database>,
  transport: MailTransport,
  now = new Date(),
  options: { from?: string; limit?: number } = {},
): Promise<DeliveryResult> {
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const at = now.toISOString();
  const due = await db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', at)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit ?? BATCH)
    .execute();
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of due) {
    const claimed = await db
      .updateTable('outbox_emails')
      .set({ next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = row.attempts + 1;
    try {
      await transport.sendMail(toSendOptions(row, from, await attachmentsOf(db, row.id)));
      await db
        .updateTable('outbox_emails')
        .set({ status: 'sent', attempts, sent_at: at, last_error: null })
        .where('id', '=', row.id)
        .execute();
      result.sent++;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('outbox_emails')
        .set({
          status: giveUp ? 'failed' : 'queued',
          attempts,
          last_error: message,
          next_attempt_at: giveUp ? at : new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}
