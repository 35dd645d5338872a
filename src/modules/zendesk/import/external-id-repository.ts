import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** One record an import wrote: the source's id and the Outpost record it became. */
export interface ExternalId {
  kind: string;
  externalId: string;
  outpostId: string;
}

/** Every id of one kind a source already brought in (people, organisations, groups, fields: thousands, not millions). */
export async function externalIdsOfKind(db: Kysely<Database>, source: string, kind: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('import_external_ids')
    .select(['external_id', 'outpost_id'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.outpost_id]));
}

/** Which of these ids (a batch of tickets, say) a source already brought in. */
export async function knownExternalIds(db: Kysely<Database>, source: string, kind: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const row of await db
      .selectFrom('import_external_ids')
      .select(['external_id', 'outpost_id'])
      .where('source', '=', source)
      .where('kind', '=', kind)
      .where('external_id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(row.external_id, row.outpost_id);
  return out;
}

export async function rememberExternalIds(db: Kysely<Database>, source: string, ids: ExternalId[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < ids.length; i += 200)
    await db
      .insertInto('import_external_ids')
      .values(
        ids.slice(i, i + 200).map((e) => ({ source, kind: e.kind, external_id: e.externalId, outpost_id: e.outpostId, imported_at: at })),
      )
      .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doNothing())
      .execute();
}
