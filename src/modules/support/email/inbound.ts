import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { AppError, errors } from '../../../kernel/errors.js';
import * as accounts from '../../accounts/index.js';
import { accountListQuery } from '../../accounts/contract/accounts.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { readSetting, writeSetting } from '../../../kernel/settings.js';
import * as repo from '../tickets/ticket-repository.js';
import { addCustomerMessage } from '../tickets/message-service.js';
import { createTicket } from '../tickets/ticket-service.js';
import { storeAttachment, vetAttachment, cleanFilename } from '../attachments/service.js';
import { attachmentSettings, removeStoredFile, type AttachmentSettings } from '../attachments/storage.js';
import { automatedMailReason } from './automated-mail.js';
import { addressOf, mailSettings } from '../../platform/index.js';
import { stripQuotedReply } from './quoted-text.js';
import { findNamedThread, MAX_MESSAGE_ID, refusalOf, senderForged } from './thread.js';
import { decodeProblems } from './decode-check.js';
import { quarantineMail } from './quarantine.js';
import { rawMailSettings, removeRawMail, storeRawMail } from './raw-mail.js';

export const UNASSIGNED_ACCOUNT_NAME = 'Unassigned senders';
const UNASSIGNED_ACCOUNT_KEY = 'support.email.unassigned_account_id';
const MAX_BODY = 100_000;
const MAX_SUBJECT = 300;
const MAX_ADDRESS = 254;
/** A contact's name, as the accounts API allows it (PostgreSQL indexes it, so it must stay short). */
const MAX_NAME = 200;

export type IngestResult =
  | {
      outcome: 'ticket_created' | 'message_added';
      ticketId: string;
      ticketNumber: number;
      messageId: string;
      attachments: number;
      skippedAttachments: string[];
    }
  | { outcome: 'duplicate'; ticketId: string | null; messageId: string | null }
  | { outcome: 'ignored' | 'quarantined'; reason: string; quarantineId: string };

export interface IngestOptions {
  /** Who handed the mail in, for the audit log (an API token on the HTTP intake). */
  ctx?: ChangeContext;
  attachments?: AttachmentSettings;
  /** Our own From address: mail from it is a loop and is ignored. */
  ownAddress?: string;
  log?: { info(obj: object, msg: string): void };
  now?: Date;
  /** The data folder the raw copy is kept in (defaults to OUTPOST_DATA_DIR). */
  rawMailDir?: string;
  /**
   * An admin releasing a quarantined mail: its raw copy is already kept, and it becomes a ticket
   * even though it is automated or did not decode cleanly.
   */
  release?: { rawPath: string };
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  const entry = [from ?? []].flat()[0]?.value.find((v) => v.address);
  return entry?.address ? { address: entry.address.trim().toLowerCase(), name: entry.name?.trim().slice(0, MAX_NAME) ?? '' } : null;
}

/** What mailparser reads of one MIME node's header block before it gives up (its own default). */
export const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Parses the raw message. What the parser refuses — a header block or header line over
 * MAX_HEADER_BYTES, too many MIME parts, bytes it cannot read — it refuses every time, so it is
 * a permanent refusal (4xx over HTTP, 552/554 over SMTP), never a 5xx that asks for a retry.
 */
async function parseMail(raw: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, { maxHeadSize: MAX_HEADER_BYTES });
  } catch (err) {
    const { code, message } = err as { code?: string; message?: string };
    if (code === 'EMAXLEN' && /header/i.test(message ?? '')) throw errors.inboundEmailHeaderTooLarge(MAX_HEADER_BYTES);
    if (code === 'EMAXLEN') throw errors.inboundEmailTooComplex();
    throw errors.inboundEmailUnreadable({ reason: message ?? String(err) });
  }
}

/**
 * The account that keeps mail from senders no account claims, created on first need, so no
 * mail is lost for want of an account. Runs outside the mail's transaction: two first mails at
 * once may race to create it, and the loser simply finds it.
 */
export async function ensureUnassignedAccount(db: Kysely<Database>): Promise<string> {
  const remembered = await readSetting<string | null>(db, UNASSIGNED_ACCOUNT_KEY, null);
  if (remembered && (await accounts.accountExists(db, remembered))) return remembered;
  const find = async () => {
    const page = await accounts.listAccounts(db, accountListQuery.parse({ q: UNASSIGNED_ACCOUNT_NAME }));
    return page.items.find((a) => a.name.toLowerCase() === UNASSIGNED_ACCOUNT_NAME.toLowerCase())?.id ?? null;
  };
  let id = await find();
  if (!id) {
    try {
      id = (
        await accounts.createAccount(db, SYSTEM_CONTEXT, {
          name: UNASSIGNED_ACCOUNT_NAME,
          domains: [],
          segment: 'smb',
          arr: 0,
          lifecycleStage: 'prospect',
          renewalDate: null,
        })
      ).id;
    } catch (err) {
      id = await find();
      if (!id) throw err;
    }
  }
  await writeSetting(db, UNASSIGNED_ACCOUNT_KEY, id);
  return id;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function duplicateOf(db: Kysely<Database>, messageId: string): Promise<IngestResult | null> {
  const seen = await db
    .selectFrom('inbound_emails')
    .select(['ticket_id', 'ticket_message_id'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return seen ? { outcome: 'duplicate', ticketId: seen.ticket_id, messageId: seen.ticket_message_id } : null;
}

/**
 * Turns one raw e-mail into support work: a reply to a ticket (matched by its threading headers
 * or `[#number]` subject) from someone it belongs to (see `refusalOf`) becomes a customer
 * message that reopens a solved ticket; anything else opens a ticket on the sender's account (a
 * new contact matched by e-mail domain, or on the "Unassigned senders" account). The same
 * Message-ID twice is processed once; auto-replies and bounces are ignored. Attachments are kept;
 * one that is too big or not allowed is named in the message instead, so the mail itself is never
 * refused for it.
 */
export async function ingestEmail(db: Kysely<Database>, rawMime: Buffer | string, options: IngestOptions = {}): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const raw = typeof rawMime === 'string' ? Buffer.from(rawMime) : rawMime;
  const dataDir = options.rawMailDir ?? options.attachments?.dataDir ?? rawMailSettings().dataDir;
  // Kept before anything reads it: whatever happens next, the message as received is on disk.
  const rawPath = options.release?.rawPath ?? (await storeRawMail(dataDir, raw, now));
  try {
    const result = await ingestParsed(db, raw, rawPath, now, options);
    // The same mail again: the first copy is the one kept.
    if (result.outcome === 'duplicate' && !options.release) await removeRawMail(dataDir, rawPath);
    return result;
  } catch (err) {
    if (options.release) throw err;
    // Refused for good after it was received (unreadable, no From, not storable as a ticket): kept in quarantine.
    if (err instanceof AppError && err.statusCode < 500) {
      const head = raw.subarray(0, 64 * 1024).toString('latin1');
      await quarantineMail(db, {
        messageId: `<${createHash('sha256').update(raw).digest('hex')}@inbound.outpost>`,
        reason: 'refused',
        detail: `${err.code}: ${err.message}`,
        sender: /^from:.*?([^\s<>"]+@[^\s<>"]+)/im.exec(head)?.[1]?.toLowerCase() ?? '',
        subject: /^subject:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? '',
        rawPath,
        sizeBytes: raw.length,
        receivedAt: now,
      });
    } else {
      // A passing failure: the sender retries (451 over SMTP), and that attempt keeps its own copy.
      await removeRawMail(dataDir, rawPath);
    }
    throw err;
  }
}

async function ingestParsed(db: Kysely<Database>, raw: Buffer, rawPath: string, now: Date, options: IngestOptions): Promise<IngestResult> {
  const ctx = options.ctx ?? SYSTEM_CONTEXT;
  const settings = options.attachments ?? attachmentSettings();
  const ownAddress = options.ownAddress ?? addressOf(mailSettings().from);

  const mail = await parseMail(raw);
  const sender = firstAddress(mail.from);
  // An address longer than RFC 5321 allows is no address a contact can have or a reply can reach.
  if (!sender || sender.address.length > MAX_ADDRESS) throw errors.inboundEmailUnreadable();
  const givenId = mail.messageId?.trim().replaceAll('\u0000', '');
  const messageId =
    givenId && givenId.length <= MAX_MESSAGE_ID ? givenId : `<${createHash('sha256').update(raw).digest('hex')}@inbound.outpost>`;
  // NUL is no text (PostgreSQL refuses it): removed, and the inbound log says so.
  const notes: string[] = [];
  const withoutNul = (text: string) => {
    if (!text.includes('\u0000')) return text;
    if (!notes.length) notes.push('NUL characters removed');
    return text.replaceAll('\u0000', '');
  };
  const subject = withoutNul((mail.subject ?? '').trim());
  sender.name = withoutNul(sender.name);

  // A released mail replaces its own "ignored"/"quarantined" line in the inbound log.
  if (options.release) await db.deleteFrom('inbound_emails').where('message_id', '=', messageId).where('ticket_id', 'is', null).execute();
  const seen = await duplicateOf(db, messageId);
  if (seen) return seen;

  const logLine = (outcome: 'ignored' | 'quarantined') =>
    db
      .insertInto('inbound_emails')
      .values({
        message_id: messageId,
        sender: sender.address,
        subject: subject.slice(0, MAX_SUBJECT),
        outcome,
        ticket_id: null,
        ticket_message_id: null,
        received_at: now.toISOString(),
        raw_path: rawPath,
        decode_notes: notes.length ? JSON.stringify(notes) : null,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
  const automated = options.release
    ? null
    : sender.address === ownAddress
      ? 'sent by Outpost itself'
      : automatedMailReason(mail.headers, sender.address);
  const problems = options.release || automated ? [] : decodeProblems(raw);
  if (automated || problems.length) {
    const reason = automated ?? problems.join(', ');
    options.log?.info(
      { messageId, sender: sender.address, reason },
      automated ? 'inbound e-mail ignored: automated mail' : 'inbound e-mail quarantined: not decodable cleanly',
    );
    await logLine(automated ? 'ignored' : 'quarantined');
    const entry = { messageId, detail: reason, sender: sender.address, subject, rawPath, sizeBytes: raw.length, receivedAt: now };
    const quarantineId = await quarantineMail(db, { ...entry, reason: automated ? 'automated' : 'undecodable' });
    return { outcome: automated ? 'ignored' : 'quarantined', reason, quarantineId };
  }

  // Which ticket, and as whom: a known contact of the ticket's account, or a new contact on it
  // when the sender's domain belongs to no other account. Mail never crosses accounts.
  const contact = await accounts.findContactByEmail(db, sender.address);
  const domainAccount = contact ? contact.accountId : await accounts.accountIdForEmail(db, sender.address);
  const named = await findNamedThread(db, mail);
  let ticket = named && named.ticket.status !== 'closed' ? named.ticket : null;
  // A mail that names a ticket it does not belong to opens one of its own; the named one is left alone.
  const refusal = ticket && named ? refusalOf(named, { contact, domainAccountId: domainAccount, forged: senderForged(mail) }) : null;
  if (refusal && named) {
    options.log?.info(
      { messageId, sender: sender.address, ticketNumber: Number(named.ticket.number), reason: refusal },
      'inbound e-mail not joined to the ticket it names',
    );
    ticket = null;
  }
  const accountId = ticket ? ticket.account_id : (domainAccount ?? (await ensureUnassignedAccount(db)));

  // Attachments are vetted before anything is written, so a refused one is named in the message.
  const files = mail.attachments.map((a) => ({ filename: cleanFilename(a.filename), contentType: a.contentType, content: a.content }));
  const skipped: string[] = [];
  const accepted = files.filter((f) => {
    try {
      vetAttachment(settings, f.filename, f.contentType, f.content);
      return true;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push(`${f.filename} (${err.code === 'attachments.too_large' ? 'too large' : 'file type not allowed'})`);
      return false;
    }
  });

  const fullText = withoutNul(mail.text ?? '').trim();
  let body = (ticket ? stripQuotedReply(fullText) : fullText) || (accepted.length ? '(attachments only)' : '(empty message)');
  if (skipped.length) body += `\n\n[Not attached: ${skipped.join(', ')}]`;
  body = body.slice(0, MAX_BODY);

  const stored: string[] = [];
  try {
    return await inTransaction(db, async (trx) => {
      // First, so that a copy of this mail arriving at the same moment waits here and then fails.
      await trx
        .insertInto('inbound_emails')
        .values({
          message_id: messageId,
          sender: sender.address,
          subject: subject.slice(0, MAX_SUBJECT),
          outcome: ticket ? 'message_added' : 'ticket_created',
          ticket_id: null,
          ticket_message_id: null,
          received_at: now.toISOString(),
          raw_path: rawPath,
          decode_notes: notes.length ? JSON.stringify(notes) : null,
        })
        .execute();
      let ticketId: string;
      let ticketNumber: number;
      let ticketMessageId: string;
      let contactId: string;
      if (ticket) {
        contactId =
          contact?.id ??
          (await accounts.createContact(trx, ctx, accountId, { name: sender.name || sender.address.split('@')[0]!, email: sender.address }))
            .id;
        const message = await addCustomerMessage(trx, ticket.id, contactId, body, 'email', messageId, now);
        ticketId = ticket.id;
        ticketNumber = Number(ticket.number);
        ticketMessageId = message.id;
      } else {
        const created = await createTicket(
          trx,
          ctx,
          {
            subject:
              subject
                .replace(/\[#\d+\]\s*/g, '')
                .trim()
                .slice(0, MAX_SUBJECT) || '(no subject)',
            description: body,
            ...(contact
              ? { requesterId: contact.id }
              : { requesterEmail: sender.address, requesterName: sender.name || undefined, accountId }),
            priority: 'normal',
            channel: 'email',
            tags: [],
          },
          'email',
          now,
        );
        ticketId = created.id;
        ticketNumber = created.number;
        contactId = created.requester.id;
        const first = await trx.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
        await trx.updateTable('ticket_messages').set({ email_message_id: messageId }).where('id', '=', first.id).execute();
        ticketMessageId = first.id;
        if (refusal && named) {
          const why = { ticketNumber: Number(named.ticket.number), reason: refusal };
          await repo.recordTicketEvent(trx, ticketId, { type: 'system', id: null }, 'email.thread_refused', why, now.toISOString());
        }
      }
      const contactCtx: ChangeContext = { actorType: 'contact', actorId: contactId, memberId: null, ip: null };
      for (const file of accepted) {
        const { attachment, storagePath } = await storeAttachment(trx, settings, { ticketId, messageId: ticketMessageId, ...file }, now);
        stored.push(storagePath);
        const summary = { attachmentId: attachment.id, filename: attachment.filename, sizeBytes: attachment.sizeBytes };
        await repo.recordTicketEvent(trx, ticketId, { type: 'contact', id: contactId }, 'attachment.added', summary, now.toISOString());
        await recordAudit(trx, contactCtx, {
          action: 'ticket.attachment_added',
          recordType: 'ticket',
          recordId: ticketId,
          changes: { attachment: [null, summary] },
        });
      }
      await trx
        .updateTable('inbound_emails')
        .set({ ticket_id: ticketId, ticket_message_id: ticketMessageId })
        .where('message_id', '=', messageId)
        .execute();
      return {
        outcome: ticket ? ('message_added' as const) : ('ticket_created' as const),
        ticketId,
        ticketNumber,
        messageId: ticketMessageId,
        attachments: accepted.length,
        skippedAttachments: skipped,
      };
    });
  } catch (err) {
    for (const path of stored) await removeStoredFile(settings.dataDir, path);
    if (isUniqueViolation(err)) {
      const again = await duplicateOf(db, messageId);
      if (again) return again;
    }
    throw err;
  }
}
