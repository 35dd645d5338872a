/**
 * The domain-event outbox (`events`). It belongs to the kernel: this file is the only code that
 * writes, reads or marks it, so its columns and indexes can change without touching the modules
 * that consume events (platform's live stream and webhook fan-out read it through the functions
 * below).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { EVENT_TYPES, type EventType } from './contract/event-types.js';

export { EVENT_TYPES, type EventType };

/**
 * Appends a domain event to the outbox. Call it inside the transaction of the change it reports,
 * so an event exists exactly when its change committed; webhooks (and later real-time updates)
 * read the outbox afterwards.
 */
export async function emitEvent(
  db: Kysely<Database>,
  event: { type: EventType; recordType: string; recordId: string; accountId: string | null; payload: Record<string, unknown>; at?: string },
): Promise<void> {
  await db
    .insertInto('events')
    .values({
      type: event.type,
      occurred_at: event.at ?? new Date().toISOString(),
      record_type: event.recordType,
      record_id: event.recordId,
      account_id: event.accountId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}

/** One committed outbox row, in the shape integrations send it (the live stream, webhook bodies). */
export interface DomainEvent {
  id: number;
  type: string;
  occurredAt: string;
  record: { type: string; id: string };
  accountId: string | null;
  data: Record<string, unknown>;
}

/** An event the webhook fan-out has still to handle: just what picking its subscriptions needs. */
export interface UnfannedEvent {
  id: number;
  type: string;
  recordId: string;
}

const columns = ['id', 'type', 'occurred_at', 'record_type', 'record_id', 'account_id', 'payload'] as const;

/** Bigint ids come back from PostgreSQL as strings; every id leaves here as a number. */
type EventRow = {
  id: number | string;
  type: string;
  occurred_at: string;
  record_type: string;
  record_id: string;
  account_id: string | null;
  payload: string;
};

function toDomainEvent(row: EventRow): DomainEvent {
  return {
    id: Number(row.id),
    type: row.type,
    occurredAt: row.occurred_at,
    record: { type: row.record_type, id: row.record_id },
    accountId: row.account_id,
    data: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

/** Events with an id above `afterId`, oldest first, at most `limit`. */
export async function eventsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<DomainEvent[]> {
  const rows = await db.selectFrom('events').select(columns).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toDomainEvent);
}

/** Events with ids in [from, to], oldest first; the newest `limit` when there are more. */
export async function eventsBetween(db: Kysely<Database>, from: number, to: number, limit: number): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(columns)
    .where('id', '>=', Math.max(from, to - limit + 1))
    .where('id', '<=', to)
    .orderBy('id')
    .execute();
  return rows.map(toDomainEvent);
}

/** The highest id in the outbox, 0 when it is empty: where a new reader starts. */
export async function latestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Events the webhook fan-out has not handled yet, oldest first, at most `limit`. It asks for
 * "not marked" rather than "above the last id", because a slow transaction can commit a lower id
 * after a higher one was already handled.
 */
export async function eventsAwaitingFanOut(db: Kysely<Database>, limit: number): Promise<UnfannedEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'record_id'])
    .where('fanned_out_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), type: r.type, recordId: r.record_id }));
}

/** Marks events as handled by the fan-out; call it in the transaction that created their deliveries. */
export async function markFannedOut(db: Kysely<Database>, ids: readonly number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('events')
    .set({ fanned_out_at: at })
    .where('id', 'in', [...ids])
    .execute();
}

/** Ids per query, well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_READ = 500;

/** The events with these ids, oldest first, in one read per 500 ids; ids with no event are left out. */
export async function eventsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<DomainEvent[]> {
  const unique = [...new Set(ids)];
  const events: DomainEvent[] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_READ) {
    const rows = await db
      .selectFrom('events')
      .select(columns)
      .where('id', 'in', unique.slice(i, i + IDS_PER_READ))
      .orderBy('id')
      .execute();
    events.push(...rows.map(toDomainEvent));
  }
  return events.sort((x, y) => x.id - y.id);
}
