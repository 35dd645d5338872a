import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EventsTable } from '../webhooks/tables.js';

/** One row of the `events` outbox as the live stream sends it. */
export interface LiveEvent {
  id: number;
  type: string;
  occurredAt: string;
  record: { type: string; id: string };
  accountId: string | null;
  data: Record<string, unknown>;
}

export type LiveEventListener = (event: LiveEvent) => void;

/**
 * New rows of the `events` outbox, as they commit, on this node — whichever node wrote them.
 * One implementation per dialect, chosen once (see `createEventFeed`).
 */
export interface EventFeed {
  /** Resolves once the feed is live: every event committed after that reaches `listener`. */
  subscribe(listener: LiveEventListener): Promise<() => void>;
  close(): Promise<void>;
}

/** The most a catch-up or a burst reads at once; a live screen needs the latest, not all. */
export const MAX_BATCH = 500;

type EventRow = Omit<EventsTable, 'id' | 'fanned_out_at'> & { id: number | string };

function toLiveEvent(row: EventRow): LiveEvent {
  return {
    id: Number(row.id),
    type: row.type,
    occurredAt: row.occurred_at,
    record: { type: row.record_type, id: row.record_id },
    accountId: row.account_id,
    data: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

const columns = ['id', 'type', 'occurred_at', 'record_type', 'record_id', 'account_id', 'payload'] as const;

/** Events with an id above `afterId`, oldest first. */
export async function eventsAfter(db: Kysely<Database>, afterId: number, limit = MAX_BATCH): Promise<LiveEvent[]> {
  const rows = await db.selectFrom('events').select(columns).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toLiveEvent);
}

/** Events with ids in [from, to], oldest first; the newest `limit` when there are more. */
export async function eventsBetween(db: Kysely<Database>, from: number, to: number, limit = MAX_BATCH): Promise<LiveEvent[]> {
  const rows = await db.selectFrom('events').select(columns).where('id', '>=', Math.max(from, to - limit + 1)).where('id', '<=', to).orderBy('id').execute();
  return rows.map(toLiveEvent);
}

export async function latestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
