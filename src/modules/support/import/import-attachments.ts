import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import type { TicketAttachmentsTable } from '../email/tables.js';
import { cleanFilename, vetAttachment } from '../attachments/service.js';
import { removeStoredFile, sha256Of, storagePathFor, writeStoredFile, type AttachmentSettings } from '../attachments/storage.js';
import { insertInChunks } from './insert-in-chunks.js';
import type { ImportedAttachment } from './imported-ticket.js';

export interface PendingAttachment {
  ticketId: string;
  messageId: string;
  createdAt: string;
  file: ImportedAttachment;
}

/**
 * Imported files, through the same storage and the same checks as an agent's upload (size, a type
 * the desk serves): the files are written first and their rows in multi-row inserts. Returns the
 * stored paths, which the caller removes if its transaction fails (a file write cannot roll back).
 */
export async function storeImportedAttachments(
  db: Kysely<Database>,
  settings: AttachmentSettings,
  pending: readonly PendingAttachment[],
  written: string[],
): Promise<void> {
  const rows: TicketAttachmentsTable[] = pending.map((p) => {
    const filename = cleanFilename(p.file.filename);
    const contentType = vetAttachment(settings, filename, p.file.contentType, p.file.bytes);
    const id = newId();
    return {
      id,
      ticket_id: p.ticketId,
      message_id: p.messageId,
      filename,
      content_type: contentType,
      size_bytes: p.file.bytes.length,
      sha256: sha256Of(p.file.bytes),
      storage_path: storagePathFor(id, new Date(p.createdAt)),
      created_at: p.createdAt,
    };
  });
  for (let i = 0; i < rows.length; i++) {
    await writeStoredFile(settings.dataDir, rows[i]!.storage_path, pending[i]!.file.bytes);
    written.push(rows[i]!.storage_path);
  }
  await insertInChunks(db, 'ticket_attachments', rows);
}

export async function removeWrittenFiles(settings: AttachmentSettings, written: readonly string[]): Promise<void> {
  for (const path of written) await removeStoredFile(settings.dataDir, path);
}
