import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';

/**
 * A Zendesk ticket's, user's or organization's `external_id` (the id of the record in the client's
 * own system), kept in the zendesk module's id table under source `api`: Outpost's records have no
 * such column, and only the API reads it. Matched regardless of case. Zendesk lets two tickets
 * share one; here each external id stays on one record, so a second record claiming it is refused
 * (422 naming external_id) rather than silently moved.
 */
const SOURCE = 'api';
export type ExternalIdKind = 'ticket' | 'user' | 'organization';
const LABEL: Record<ExternalIdKind, string> = { ticket: 'A ticket', user: 'A user', organization: 'An organization' };

export async function externalIdsOf(
  db: Kysely<Database>,
  kind: ExternalIdKind,
  outpostIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(outpostIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('import_external_ids')
      .select(['external_id', 'outpost_id'])
      .where('source', '=', SOURCE)
      .where('kind', '=', kind)
      .where('outpost_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.outpost_id, r.external_id);
  }
  return out;
}

/** The record carrying this external id, matched regardless of case. */
export async function outpostIdByExternalId(db: Kysely<Database>, kind: ExternalIdKind, externalId: string): Promise<string | null> {
  const row = await db
    .selectFrom('import_external_ids')
    .select('outpost_id')
    .where('source', '=', SOURCE)
    .where('kind', '=', kind)
    .where(sql<string>`lower(external_id)`, '=', externalId.trim().toLowerCase())
    .executeTakeFirst();
  return row?.outpost_id ?? null;
}

/** Sets (or, with null or '', clears) a record's external id; another record's id is a 409 → 422. */
export async function setExternalId(
  db: Kysely<Database>,
  kind: ExternalIdKind,
  outpostId: string,
  externalId: string | null,
): Promise<void> {
  const value = externalId?.trim() || null;
  if (value) {
    const owner = await outpostIdByExternalId(db, kind, value);
    if (owner && owner !== outpostId) throw errors.duplicate(LABEL[kind], 'external_id');
    if (owner === outpostId && (await externalIdsOf(db, kind, [outpostId])).get(outpostId) === value) return;
  }
  await db
    .deleteFrom('import_external_ids')
    .where('source', '=', SOURCE)
    .where('kind', '=', kind)
    .where('outpost_id', '=', outpostId)
    .execute();
  if (value)
    await db
      .insertInto('import_external_ids')
      .values({ source: SOURCE, kind, external_id: value, outpost_id: outpostId, imported_at: new Date().toISOString() })
      .execute();
}
