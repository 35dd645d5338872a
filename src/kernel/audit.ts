import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChangeContext } from './actor.js';
import { nowIso } from './clock.js';
import { decodeCursor, encodeCursor, toPage, type Page } from './pagination.js';

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

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: FieldChanges | null;
  ip: string | null;
}

/** The audit log, newest first, filtered and paged by id, with each actor's name. */
export async function listAuditEntries(
  db: Kysely<Database>,
  q: {
    actorId?: string | undefined;
    recordType?: string | undefined;
    recordId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<AuditEntry>> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('members', (j) => j.onRef('members.id', '=', 'audit_log.actor_id').on('audit_log.actor_type', '=', 'member'))
    .leftJoin('api_tokens', (j) => j.onRef('api_tokens.id', '=', 'audit_log.actor_id').on('audit_log.actor_type', '=', 'token'))
    .leftJoin('contacts', (j) => j.onRef('contacts.id', '=', 'audit_log.actor_id').on('audit_log.actor_type', '=', 'contact'))
    .selectAll('audit_log')
    .select(['members.name as member_name', 'api_tokens.name as token_name', 'contacts.name as contact_name']);
  if (q.actorId) query = query.where('audit_log.actor_id', '=', q.actorId);
  if (q.recordType) query = query.where('audit_log.record_type', '=', q.recordType);
  if (q.recordId) query = query.where('audit_log.record_id', '=', q.recordId);
  if (q.from) query = query.where('audit_log.at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('audit_log.at', '<=', new Date(q.to).toISOString());
  if (q.cursor) query = query.where('audit_log.id', '<', Number(decodeCursor(q.cursor, 'integer').sortValue));
  const rows = await query
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(Number(r.id), String(r.id)));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName:
        r.member_name ??
        (r.token_name ? `API token “${r.token_name}”` : null) ??
        r.contact_name ??
        (r.actor_type === 'system' ? 'Outpost' : null),
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      changes: r.changes ? (JSON.parse(r.changes) as FieldChanges) : null,
      ip: r.ip,
    })),
  };
}
