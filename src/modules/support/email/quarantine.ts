import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import type { QuarantinedMail, QuarantineListQuery, QuarantineReason } from '../contract/mail-quarantine.js';
import type { QuarantinedEmailsTable } from './tables.js';

const MAX_SUBJECT = 300;
const MAX_DETAIL = 500;

export interface QuarantineEntry {
  messageId: string;
  reason: QuarantineReason;
  detail: string;
  sender: string;
  subject: string;
  rawPath: string | null;
  sizeBytes: number;
  receivedAt: Date;
}

/** Keeps a mail that did not become support work, with why, so an admin can look at it and decide. */
export async function quarantineMail(db: Kysely<Database>, entry: QuarantineEntry): Promise<string> {
  const id = newId();
  await db
    .insertInto('quarantined_emails')
    .values({
      id,
      message_id: entry.messageId,
      reason: entry.reason,
      detail: entry.detail.slice(0, MAX_DETAIL),
      sender: entry.sender.replaceAll('\u0000', '').slice(0, 254),
      subject: entry.subject.replaceAll('\u0000', '').slice(0, MAX_SUBJECT),
      raw_path: entry.rawPath,
      size_bytes: entry.sizeBytes,
      received_at: entry.receivedAt.toISOString(),
      released_ticket_id: null,
      released_at: null,
    })
    .execute();
  return id;
}

async function toViews(db: Kysely<Database>, rows: QuarantinedEmailsTable[]): Promise<QuarantinedMail[]> {
  const ticketIds = [...new Set(rows.map((r) => r.released_ticket_id).filter((id): id is string => id !== null))];
  const numbers = new Map<string, number>();
  if (ticketIds.length) {
    for (const t of await db.selectFrom('tickets').select(['id', 'number']).where('id', 'in', ticketIds).execute())
      numbers.set(t.id, Number(t.number));
  }
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    reason: r.reason,
    detail: r.detail,
    sender: r.sender,
    subject: r.subject,
    sizeBytes: Number(r.size_bytes),
    receivedAt: r.received_at,
    rawAvailable: r.raw_path !== null,
    releasedTicketId: r.released_ticket_id,
    releasedTicketNumber: r.released_ticket_id ? (numbers.get(r.released_ticket_id) ?? null) : null,
    releasedAt: r.released_at,
  }));
}

/** Newest first, paged by (received_at, id). */
export async function listQuarantine(db: Kysely<Database>, query: QuarantineListQuery): Promise<Page<QuarantinedMail>> {
  let q = db.selectFrom('quarantined_emails').selectAll();
  if (query.reason) q = q.where('reason', '=', query.reason);
  if (query.cursor) q = q.where(keysetAfter('received_at', 'id', decodeCursor(query.cursor, 'timestamp'), 'desc'));
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.received_at, r.id));
  return { items: await toViews(db, page.items), nextCursor: page.nextCursor };
}

export async function quarantinedRow(db: Kysely<Database>, id: string): Promise<QuarantinedEmailsTable> {
  const row = await db.selectFrom('quarantined_emails').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.quarantinedMailNotFound();
  return row;
}

export async function getQuarantined(db: Kysely<Database>, id: string): Promise<QuarantinedMail> {
  return (await toViews(db, [await quarantinedRow(db, id)]))[0]!;
}

/** Counts by reason of the mail still waiting (not released), for /metrics. */
export async function quarantineCounts(db: Kysely<Database>): Promise<Record<QuarantineReason, number>> {
  const rows = await db
    .selectFrom('quarantined_emails')
    .select(['reason', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('released_at', 'is', null)
    .groupBy('reason')
    .execute();
  const counts: Record<QuarantineReason, number> = { automated: 0, undecodable: 0, refused: 0 };
  for (const r of rows) counts[r.reason] = Number(r.n);
  return counts;
}

/** Every mail accepted (a row of the inbound log), for /metrics: rows are never deleted, so it only grows. */
export async function acceptedMailCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('inbound_emails')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
