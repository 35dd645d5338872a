import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { contactRefs } from '../../accounts/index.js';
import type { TicketStatus } from '../tables.js';

/** A ticket as the customer portal lists it: no tier, SLA, group or assignee. */
export interface AccountTicket {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  requester: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

// Isolation: every query here is scoped to one account, which the portal takes from the signed-in contact.
function accountTicketRows(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'requester_id', 'created_at', 'updated_at'])
    .where('account_id', '=', accountId);
}

type Row = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  requester_id: string;
  created_at: string;
  updated_at: string;
};

/** Rows with their requesters' names, in one read from the accounts module. */
async function toAccountTickets(db: Kysely<Database>, rows: Row[]): Promise<AccountTicket[]> {
  const requesters = await contactRefs(
    db,
    rows.map((r) => r.requester_id),
  );
  // Every ticket has its requester (a foreign key); one without is left out, as the join did.
  return rows.flatMap((r) => {
    const requester = requesters.get(r.requester_id);
    if (!requester) return [];
    return [
      {
        id: r.id,
        number: Number(r.number),
        subject: r.subject,
        status: r.status,
        requester: { id: r.requester_id, name: requester.name },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    ];
  });
}

/** An account's tickets, most recently updated first: the customer portal's list. */
export async function listAccountTickets(
  db: Kysely<Database>,
  accountId: string,
  q: { statuses?: TicketStatus[] | undefined; requesterId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<AccountTicket>> {
  let query = accountTicketRows(db, accountId);
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  if (q.requesterId) query = query.where('requester_id', '=', q.requesterId);
  if (q.cursor) query = query.where(keysetAfter('tickets.updated_at', 'tickets.id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
  const rows = await query
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.updated_at, r.id));
  return { items: await toAccountTickets(db, page.items), nextCursor: page.nextCursor };
}

/** One of an account's tickets, or null when there is none by that id on that account. */
export async function findAccountTicket(db: Kysely<Database>, accountId: string, id: string): Promise<AccountTicket | null> {
  const row = await accountTicketRows(db, accountId).where('id', '=', id).executeTakeFirst();
  return row ? ((await toAccountTickets(db, [row]))[0] ?? null) : null;
}
