import type { Kysely } from 'kysely';
import type { ParsedMail } from 'mailparser';
import type { Database } from '../../../db/schema.js';
import * as repo from '../tickets/ticket-repository.js';

/**
 * Message-IDs longer than this are not ours (Outpost's are ~90 characters) and are not looked up;
 * an inbound Message-ID longer than this is replaced by a digest of the message, because
 * PostgreSQL cannot index a value of several kilobytes.
 */
export const MAX_MESSAGE_ID = 255;
/** How many threading ids of one mail are looked up, newest first: a References header may list tens of thousands. */
const MAX_THREAD_IDS = 50;

/** Every usable `<id@host>` in In-Reply-To and References, newest first, at most MAX_THREAD_IDS. */
export function threadIds(mail: ParsedMail): string[] {
  const refs = [mail.references ?? []].flat();
  const all = [...refs, mail.inReplyTo ?? ''].join(' ').match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(all.reverse())].filter((id) => id.length <= MAX_MESSAGE_ID).slice(0, MAX_THREAD_IDS);
}

/** The ticket a mail names, and whether it names it by a Message-ID that Outpost itself sent for it. */
export interface NamedThread {
  ticket: repo.TicketRow;
  answersOutpost: boolean;
}

/**
 * The ticket a mail answers: by its threading headers (a Message-ID Outpost sent wins over one a
 * customer sent), else by a `[#123]` in the subject. Naming a ticket is not yet joining it: see
 * `refusalOf`.
 */
export async function findNamedThread(db: Kysely<Database>, mail: ParsedMail): Promise<NamedThread | null> {
  const ids = threadIds(mail);
  if (ids.length) {
    const hits = await db
      .selectFrom('ticket_messages')
      .select(['ticket_id', 'author_type'])
      .where('email_message_id', 'in', ids)
      .orderBy('created_at', 'desc')
      .limit(MAX_THREAD_IDS)
      .execute();
    // Outpost's Message-IDs are the agents' replies: `<ticket-{uuid}-{uuid}@outpost>`, unguessable.
    const ours = hits.find((h) => h.author_type === 'member');
    const hit = ours ?? hits[0];
    if (hit) {
      const ticket = await repo.findTicketRow(db, hit.ticket_id);
      if (ticket) return { ticket, answersOutpost: !!ours };
    }
  }
  const number = /\[#(\d{1,12})\]/.exec(mail.subject ?? '')?.[1];
  if (number) {
    const ticket = await db.selectFrom('tickets').selectAll().where('number', '=', Number(number)).executeTakeFirst();
    if (ticket) return { ticket, answersOutpost: false };
  }
  return null;
}

/**
 * Whether the receiving mail server found the From address forged: the topmost
 * Authentication-Results header (the one our own MTA adds, RFC 8601) reports `dmarc=fail`, or
 * `spf=fail` with no passing DKIM signature. Only failures count: a sender can add a header that
 * claims a pass, but gains nothing by adding one that claims a failure.
 */
export function senderForged(mail: ParsedMail): boolean {
  const header = mail.headers.get('authentication-results');
  const top = [header].flat()[0];
  if (typeof top !== 'string') return false;
  const text = top.toLowerCase();
  if (/\bdmarc\s*=\s*fail\b/.test(text)) return true;
  return /\bspf\s*=\s*fail\b/.test(text) && !/\bdkim\s*=\s*pass\b/.test(text);
}

/**
 * Why a mail may not join the ticket it names, or null when it may: it must come from the
 * requester or another contact of the ticket's account (tickets keep no CC list), or answer a
 * Message-ID Outpost sent for that ticket (a forwarded thread). Subject numbers are sequential
 * and customers' Message-IDs can be seen or guessed, so neither alone lets a stranger in. A From
 * the receiving server found forged (`senderForged`) proves nothing: only the Message-ID rule holds.
 */
export function refusalOf(
  named: NamedThread,
  sender: { contact: { id: string; accountId: string } | null; domainAccountId: string | null; forged?: boolean },
): string | null {
  const { ticket } = named;
  if (sender.forged) {
    return named.answersOutpost ? null : 'the receiving mail server found the From address forged (Authentication-Results)';
  }
  if (sender.contact?.id === ticket.requester_id || sender.contact?.accountId === ticket.account_id) return null;
  if (sender.domainAccountId !== null && sender.domainAccountId !== ticket.account_id) return 'the sender belongs to another account';
  if (named.answersOutpost) return null;
  return 'the sender is not the requester or a contact of the ticket’s account, and the mail answers no message Outpost sent for it';
}
