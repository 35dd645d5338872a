import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { accountRefs } from '../../accounts/index.js';
import type { TicketStatus, Tier } from '../tables.js';

/** A ticket as other modules show it beside their own records (an engineering issue's tickets). */
export interface TicketRef {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  tier: Tier;
  account: { id: string; name: string };
  /** The customer environment the ticket names, if any. */
  deploymentId: string | null;
}

/**
 * Tickets by id in one read, with their accounts' names in one more. Ids that match no ticket are
 * absent from the map.
 *
 * @example const tickets = await ticketRefs(db, links.map((l) => l.ticket_id));
 */
export async function ticketRefs(db: Kysely<Database>, ids: Iterable<string | null | undefined>): Promise<Map<string, TicketRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'tier', 'account_id', 'deployment_id'])
    .where('id', 'in', wanted)
    .execute();
  const accounts = await accountRefs(
    db,
    rows.map((r) => r.account_id),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: Number(r.number),
        subject: r.subject,
        status: r.status,
        tier: r.tier,
        account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? '' },
        deploymentId: r.deployment_id,
      },
    ]),
  );
}
