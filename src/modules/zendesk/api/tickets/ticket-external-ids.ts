import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';

/**
 * A ticket's `external_id` (its id in the client's own system), kept in the zendesk module's id
 * table under source `api`, kind `ticket`, as users' and organizations' are. Zendesk lets two
 * tickets share one; the table keeps each external id on one ticket, so a second ticket claiming
 * it is refused (422 naming external_id) rather than silently moved. Matched regardless of case.
 */
const SOURCE = 'api';
const KIND = 'ticket';

export async function ticketExternalIds(db: Kysely<Database>, ticketIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(ticketIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('import_external_ids')
      .select(['external_id', 'outpost_id'])
      .where('source', '=', SOURCE)
      .where('kind', '=', KIND)
      .where('outpost_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.outpost_id, r.external_id);
  }
  return out;
}

/** The ticket carrying this external id, or null. */
export async function ticketIdByExternalId(db: Kysely<Database>, externalId: string): Promise<string | null> {
  const row = await db
    .selectFrom('import_external_ids')
    .select('outpost_id')
    .where('source', '=', SOURCE)
    .where('kind', '=', KIND)
    .where(sql<string>`lower(external_id)`, '=', externalId.trim().toLowerCase())
    .executeTakeFirst();
  return row?.outpost_id ?? null;
}

/** Sets (or, with null or '', clears) a ticket's external id, in the caller's transaction. */
export async function setTicketExternalId(db: Kysely<Database>, ticketId: string, externalId: string | null): Promise<void> {
  const value = externalId?.trim() || null;
  if (value) {
    const owner = await ticketIdByExternalId(db, value);
    if (owner && owner !== ticketId) throw errors.duplicate('A ticket', 'external_id');
  }
  await clearTicketExternalId(db, ticketId);
  if (value)
    await db
      .insertInto('import_external_ids')
      .values({ source: SOURCE, kind: KIND, external_id: value, outpost_id: ticketId, imported_at: new Date().toISOString() })
      .execute();
}

export async function clearTicketExternalId(db: Kysely<Database>, ticketId: string): Promise<void> {
  await db
    .deleteFrom('import_external_ids')
    .where('source', '=', SOURCE)
    .where('kind', '=', KIND)
    .where('outpost_id', '=', ticketId)
    .execute();
}
