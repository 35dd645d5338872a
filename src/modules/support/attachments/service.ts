import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { compiledRead } from '../../../db/compiled-read.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import * as repo from '../tickets/ticket-repository.js';
import { actorOfContext } from '../tickets/ticket-service.js';
import type { TicketAttachmentsTable } from '../email/tables.js';
import { checkAttachmentType } from './file-types.js';
import type { Attachment } from '../contract/attachments.js';
import { removeStoredFile, sha256Of, storagePathFor, writeStoredFile, type AttachmentSettings } from './storage.js';

export interface NewAttachment {
  ticketId: string;
  messageId: string | null;
  filename: string | null | undefined;
  contentType: string | null | undefined;
  content: Buffer;
}

function toAttachment(r: TicketAttachmentsTable): Attachment {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    messageId: r.message_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    url: `/api/attachments/${r.id}`,
    createdAt: r.created_at,
  };
}

/** A file name safe to store and to hand back in Content-Disposition: no folders, no control characters. */
export function cleanFilename(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : 'attachment';
}

/** Refuses a file that is too big (413) or not an allowed, truthfully-typed kind (415). */
export function vetAttachment(
  settings: AttachmentSettings,
  filename: string,
  contentType: string | null | undefined,
  content: Buffer,
): string {
  if (content.length > settings.maxBytes) throw errors.attachmentTooLarge(settings.maxBytes);
  const verdict = checkAttachmentType(filename, contentType, content);
  if (!verdict.ok)
    throw errors.attachmentTypeNotAllowed({ filename, declared: verdict.declared, detected: verdict.detected, reason: verdict.reason });
  return verdict.contentType;
}

/**
 * Writes the file and its row. Runs in the caller's transaction; the caller removes the file
 * (`storagePath`) if that transaction fails, since a file system write cannot roll back.
 */
export async function storeAttachment(
  db: Kysely<Database>,
  settings: AttachmentSettings,
  input: NewAttachment,
  now = new Date(),
): Promise<{ attachment: Attachment; storagePath: string }> {
  const filename = cleanFilename(input.filename);
  const contentType = vetAttachment(settings, filename, input.contentType, input.content);
  const id = newId();
  const row: TicketAttachmentsTable = {
    id,
    ticket_id: input.ticketId,
    message_id: input.messageId,
    filename,
    content_type: contentType,
    size_bytes: input.content.length,
    sha256: sha256Of(input.content),
    storage_path: storagePathFor(id, now),
    created_at: now.toISOString(),
  };
  await writeStoredFile(settings.dataDir, row.storage_path, input.content);
  try {
    await db.insertInto('ticket_attachments').values(row).execute();
  } catch (err) {
    await removeStoredFile(settings.dataDir, row.storage_path);
    throw err;
  }
  return { attachment: toAttachment(row), storagePath: row.storage_path };
}

/** An agent's upload to a ticket, optionally tied to one of its messages. */
export async function addAttachment(
  db: Kysely<Database>,
  settings: AttachmentSettings,
  ctx: ChangeContext,
  input: NewAttachment,
  now = new Date(),
): Promise<Attachment> {
  if (!(await repo.findTicketRow(db, input.ticketId))) throw errors.ticketNotFound();
  if (input.messageId) {
    const message = await db.selectFrom('ticket_messages').select('ticket_id').where('id', '=', input.messageId).executeTakeFirst();
    if (message?.ticket_id !== input.ticketId) throw errors.referenceMissing('message on this ticket', 'messageId');
  }
  let stored: string | null = null;
  try {
    return await inTransaction(db, async (trx) => {
      const { attachment, storagePath } = await storeAttachment(trx, settings, input, now);
      stored = storagePath;
      const at = now.toISOString();
      const summary = { attachmentId: attachment.id, filename: attachment.filename, sizeBytes: attachment.sizeBytes };
      await repo.recordTicketEvent(trx, input.ticketId, actorOfContext(ctx), 'attachment.added', summary, at);
      await recordAudit(trx, ctx, {
        action: 'ticket.attachment_added',
        recordType: 'ticket',
        recordId: input.ticketId,
        changes: { attachment: [null, summary] },
      });
      return attachment;
    });
  } catch (err) {
    if (stored) await removeStoredFile(settings.dataDir, stored);
    throw err;
  }
}

export async function listAttachments(db: Kysely<Database>, ticketId: string): Promise<Attachment[]> {
  if (!(await repo.findTicketRow(db, ticketId))) throw errors.ticketNotFound();
  const rows = await db
    .selectFrom('ticket_attachments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** The attachment and where its file is; with `ticketId`, only when it belongs to that ticket. */
export async function findAttachmentFile(
  db: Kysely<Database>,
  id: string,
  ticketId?: string,
): Promise<{ attachment: Attachment; storagePath: string }> {
  const row = await db.selectFrom('ticket_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (ticketId !== undefined && row.ticket_id !== ticketId)) throw errors.attachmentNotFound();
  return { attachment: toAttachment(row), storagePath: row.storage_path };
}

/** A ticket's attachments grouped by message, in one query (the conversation lists them inline). */
const messageAttachmentRows = compiledRead((db, ticketId: string) =>
  db
    .selectFrom('ticket_attachments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('message_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id'),
);

export async function attachmentsByMessage(db: Kysely<Database>, ticketId: string): Promise<Map<string, Attachment[]>> {
  const rows = await messageAttachmentRows(db, ticketId);
  const byMessage = new Map<string, Attachment[]>();
  for (const row of rows) {
    const list = byMessage.get(row.message_id!) ?? [];
    list.push(toAttachment(row));
    byMessage.set(row.message_id!, list);
  }
  return byMessage;
}
