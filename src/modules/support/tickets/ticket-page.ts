import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { contactRefs, getAccount } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import { authorIds, loadMessages, toMessages } from './message-service.js';
import { contextOf, recentTicketsOfAccount, ticketWithTags, toTicket } from './ticket-repository.js';

/**
 * The ticket page (every open of a ticket, the desk's hottest read): the ticket, its conversation,
 * its account and the account's other tickets.
 *
 * What other modules own comes from them, without a join across owners: the account (name and
 * segment included) from the accounts module, which the page shows anyway, and the requester, the
 * assignee and every message author from one contact read and one member read for the whole page.
 * That is two primary-key reads more than the joined ticket and message reads took, and no read
 * model; the ticket, tag, message and account reads stay compiled (see compiled-read.ts).
 */
export async function ticketPage(db: Kysely<Database>, id: string) {
  const found = await ticketWithTags(db, id);
  if (!found) throw errors.ticketNotFound();
  const { row } = found;
  // The conversation's authors are read as soon as the messages are in, beside the account's reads
  // (five of them, one after another in part) rather than after them: one round trip less on the
  // page's longest path.
  const conversation = loadMessages(db, id).then(async (loaded) => {
    const authors = authorIds(loaded.rows);
    const [members, contacts] = await Promise.all([
      memberRefs(db, [row.assignee_id, ...authors.members]),
      contactRefs(db, [row.requester_id, ...authors.contacts]),
    ]);
    return { loaded, members, contacts };
  });
  const [{ loaded, members, contacts }, account, recent] = await Promise.all([
    conversation,
    getAccount(db, row.account_id),
    recentTicketsOfAccount(db, row.account_id),
  ]);
  const context = contextOf(row, account, contacts.get(row.requester_id), row.assignee_id ? members.get(row.assignee_id) : undefined);
  if (!context) throw errors.ticketNotFound();
  const ticket = toTicket(context, found.tags, found.customFields);
  return {
    ticket,
    messages: toMessages(loaded, members, contacts),
    account,
    recentTickets: recent.filter((t) => t.id !== ticket.id).slice(0, 5),
  };
}
