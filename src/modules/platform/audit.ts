import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeContext } from './actor.js';
import { nowIso } from './clock.js';

export type FieldChanges = Record<string, [unknown, unknown]>;

/** The fields whose values differ between `before` and `after`, as [before, after] pairs. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'updated_at' || key === 'password_hash') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

/**
 * Appends one entry to the audit log. Call it inside the same transaction as the change, so a
 * change and its audit entry are written together or not at all.
 */
export async function recordAudit(
  db: Kysely<Database>,
  ctx: ChangeContext,
  entry: { action: string; recordType: string; recordId: string; changes?: FieldChanges },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_type: ctx.actorType,
      actor_id: ctx.actorId,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
      ip: ctx.ip,
    })
    .execute();
}
