import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import type { QuarantineRelease } from '../contract/mail-quarantine.js';
import { ingestEmail, type IngestOptions } from './inbound.js';
import { quarantinedRow } from './quarantine.js';
import { rawMailSettings, readRawMail, removeRawMail } from './raw-mail.js';

/** The raw message of a quarantined mail, exactly as it was received. */
export async function quarantinedRaw(db: Kysely<Database>, id: string, dataDir = rawMailSettings().dataDir): Promise<Buffer> {
  const row = await quarantinedRow(db, id);
  const raw = row.raw_path ? await readRawMail(dataDir, row.raw_path) : null;
  if (!raw) throw errors.quarantinedMailRawGone({ id });
  return raw;
}

/**
 * Runs the normal ingestion on the raw copy, minus the rule that put it here (automated mail,
 * unclean decoding), and links the ticket it opened or joined. A mail refused for good (no From,
 * unreadable) is refused again, with the same error, and stays in quarantine.
 */
export async function releaseQuarantined(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  options: Pick<IngestOptions, 'attachments' | 'ownAddress' | 'log' | 'now' | 'rawMailDir'> = {},
): Promise<QuarantineRelease> {
  const row = await quarantinedRow(db, id);
  if (row.released_ticket_id) throw errors.quarantinedMailReleased({ ticketId: row.released_ticket_id });
  const raw = await quarantinedRaw(db, id, options.rawMailDir);
  const result = await ingestEmail(db, raw, { ...options, ctx, release: { rawPath: row.raw_path! } });
  if (!('ticketId' in result)) throw new Error('a released mail was quarantined again');
  // Released by someone else a moment ago (outcome "duplicate"): that ticket is the one.
  const ticketId = result.ticketId;
  if (!ticketId) throw errors.quarantinedMailReleased();
  const number = await db.selectFrom('tickets').select('number').where('id', '=', ticketId).executeTakeFirstOrThrow();
  const releasedAt = (options.now ?? new Date()).toISOString();
  await db.updateTable('quarantined_emails').set({ released_ticket_id: ticketId, released_at: releasedAt }).where('id', '=', id).execute();
  await recordAudit(db, ctx, {
    action: 'email.quarantine_released',
    recordType: 'quarantined_email',
    recordId: id,
    changes: { releasedTicketId: [null, ticketId] },
  });
  return {
    ticketId,
    ticketNumber: Number(number.number),
    outcome: result.outcome === 'message_added' ? 'message_added' : 'ticket_created',
  };
}

/** Deletes the record and its raw copy, unless a released mail's ticket still refers to that copy. */
export async function deleteQuarantined(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  dataDir = rawMailSettings().dataDir,
): Promise<void> {
  const row = await quarantinedRow(db, id);
  await db.deleteFrom('quarantined_emails').where('id', '=', id).execute();
  if (row.raw_path) {
    const inLog = await db
      .selectFrom('inbound_emails')
      .select('message_id')
      .where('raw_path', '=', row.raw_path)
      .where('ticket_id', 'is not', null)
      .executeTakeFirst();
    if (!inLog) {
      await db.updateTable('inbound_emails').set({ raw_path: null }).where('raw_path', '=', row.raw_path).execute();
      await removeRawMail(dataDir, row.raw_path);
    }
  }
  await recordAudit(db, ctx, {
    action: 'email.quarantine_deleted',
    recordType: 'quarantined_email',
    recordId: id,
    changes: { sender: [row.sender, null], subject: [row.subject, null] },
  });
}
