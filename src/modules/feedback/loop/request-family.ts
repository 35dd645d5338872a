import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';

/** Merges never chain deeper than this in practice; the bound keeps a corrupt cycle from looping. */
const MAX_DEPTH = 32;

export interface SurvivingRequest {
  id: string;
  title: string;
  status: string;
  targetRelease: string | null;
}

/** The request a (possibly merged) request now lives in: itself, or the end of its merged_into chain. */
export async function survivingRequest(db: Kysely<Database>, requestId: string): Promise<SurvivingRequest> {
  let id = requestId;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const row = await db
      .selectFrom('feature_requests')
      .select(['id', 'title', 'status', 'target_release', 'merged_into_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.featureRequestNotFound();
    if (!row.merged_into_id) return { id: row.id, title: row.title, status: row.status, targetRelease: row.target_release };
    id = row.merged_into_id;
  }
  throw errors.featureRequestNotFound();
}

/**
 * A surviving request and every request merged into it, directly or through another merged one:
 * the "family" a customer is told about once, whichever member of it they asked through.
 */
export async function requestFamily(db: Kysely<Database>, rootId: string): Promise<string[]> {
  const family = [rootId];
  let frontier = [rootId];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const rows = await db.selectFrom('feature_requests').select('id').where('merged_into_id', 'in', frontier).execute();
    frontier = rows.map((r) => r.id).filter((id) => !family.includes(id));
    family.push(...frontier);
  }
  return family;
}

/** Each of `ids` mapped to the request it now lives in (itself when not merged), in one read per merge level. */
export async function survivorsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(ids.map((id) => [id, id]));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = [...new Set(out.values())];
    if (current.length === 0) break;
    const rows = await db
      .selectFrom('feature_requests')
      .select(['id', 'merged_into_id'])
      .where('id', 'in', current)
      .where('merged_into_id', 'is not', null)
      .execute();
    if (rows.length === 0) break;
    const next = new Map(rows.map((r) => [r.id, r.merged_into_id!]));
    for (const [id, at] of out) if (next.has(at)) out.set(id, next.get(at)!);
  }
  return out;
}
