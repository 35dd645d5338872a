import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface InteractionRef {
  id: string;
  accountId: string;
  kind: string;
  subject: string;
  occurredAt: string;
}

/** One interaction's account and headline (for records that point back at it, e.g. feedback), or null. */
export async function interactionRef(db: Kysely<Database>, id: string): Promise<InteractionRef | null> {
  return (await interactionRefs(db, [id])).get(id) ?? null;
}

/** Interactions' accounts and headlines by id, in one read (ids that match nothing are absent). */
export async function interactionRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, InteractionRef>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'account_id', 'kind', 'subject', 'occurred_at'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, kind: r.kind, subject: r.subject, occurredAt: r.occurred_at }]),
  );
}

/** Accounts' ARR, segment and lifecycle stage by id, in one read (ids that match nothing are absent). */
export async function accountFigures(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string; arr: number; segment: string; lifecycleStage: string }>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'arr', 'segment', 'lifecycle_stage'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, arr: Number(r.arr), segment: r.segment, lifecycleStage: r.lifecycle_stage }]),
  );
}
