import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import * as outbox from '../../../kernel/domain-events.js';
import type { LiveEvent } from '../contract/events.js';

export type { LiveEvent };

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

/**
 * The outbox is the kernel's table, read only through `kernel/domain-events`; these add the live
 * stream's batch bound. Events with an id above `afterId`, oldest first.
 */
export function eventsAfter(db: Kysely<Database>, afterId: number, limit = MAX_BATCH): Promise<LiveEvent[]> {
  return outbox.eventsAfter(db, afterId, limit);
}

/** Events with ids in [from, to], oldest first; the newest `limit` when there are more. */
export function eventsBetween(db: Kysely<Database>, from: number, to: number, limit = MAX_BATCH): Promise<LiveEvent[]> {
  return outbox.eventsBetween(db, from, to, limit);
}

/** Where a new feed starts: the highest id in the outbox, 0 when it is empty. */
export const latestEventId = outbox.latestEventId;
