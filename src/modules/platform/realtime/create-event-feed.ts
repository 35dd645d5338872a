import type { Db } from '../../../db/connect.js';
import type { EventFeed } from './event-feed.js';
import { PollingEventFeed } from './polling-event-feed.js';
import { PostgresEventFeed } from './postgres-event-feed.js';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The live-event source for this database, chosen once: LISTEN/NOTIFY on PostgreSQL (events cross
 * nodes), polling the outbox on SQLite (one node). Neither opens anything until someone listens.
 */
export function createEventFeed(db: Db, log: Log): EventFeed {
  if (db.dialect === 'postgres') {
    if (!db.connectionString) throw new Error('A PostgreSQL database needs its connection string for live events');
    return new PostgresEventFeed(db.kysely, db.connectionString, log);
  }
  return new PollingEventFeed(db.kysely, log);
}
