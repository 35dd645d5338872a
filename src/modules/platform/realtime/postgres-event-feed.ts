import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../db/schema.js';
import { eventsAfter, eventsBetween, latestEventId, type EventFeed, type LiveEvent, type LiveEventListener } from './event-feed.js';

/** The channel the `events` insert trigger (migration 0009) notifies. */
export const EVENTS_CHANNEL = 'outpost_events';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** Ids already passed on, so a range read twice (overlapping notifications, catch-up) sends once. */
const SEEN_KEPT = 5_000;

/**
 * PostgreSQL: `LISTEN outpost_events` on one dedicated connection per node. The trigger notifies
 * `schema:firstId:lastId` for each insert statement, delivered when (and only when) its
 * transaction commits; the feed then reads those rows through the pool. It reads the notified
 * ids, not "everything above the last id", because identity values from concurrent transactions
 * can commit out of order. Notifications from other schemas of the same database (tests, a second
 * workbench) are ignored. The connection reconnects with backoff and, once back, catches up on
 * what was written while it was away.
 */
export class PostgresEventFeed implements EventFeed {
  private readonly listeners = new Set<LiveEventListener>();
  private readonly seen = new Set<number>();
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private schema = '';
  private lastId = 0;
  private closed = false;
  private reconnectMs = RECONNECT_FIRST_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Reads are chained so listeners see events in notification order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly connectionString: string,
    private readonly log: Log,
  ) {}

  async subscribe(listener: LiveEventListener): Promise<() => void> {
    this.listeners.add(listener);
    // The connection stays open once made: one idle connection per node is cheap, and a screen
    // that reconnects every few seconds should not make it flap.
    this.starting ??= this.start();
    try {
      await this.starting;
    } catch (err) {
      this.listeners.delete(listener);
      this.starting = null;
      throw err;
    }
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.queue;
  }

  private async start(): Promise<void> {
    const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db);
    this.schema = row.rows[0]?.schema ?? 'public';
    this.lastId = await latestEventId(this.db);
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: 'outpost-events' });
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) this.onNotify(message.payload);
    });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      this.scheduleReconnect(err);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
    this.reconnectMs = RECONNECT_FIRST_MS;
  }

  private scheduleReconnect(err?: unknown): void {
    if (this.closed) return;
    this.log.warn({ err, retryInMs: this.reconnectMs }, 'live events: lost the LISTEN connection; reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect()
        .then(() => {
          this.log.info({}, 'live events: LISTEN connection is back');
          // What committed while the connection was down was notified to nobody.
          this.enqueue(() => eventsAfter(this.db, this.lastId));
        })
        .catch((e: unknown) => this.scheduleReconnect(e));
    }, this.reconnectMs);
    this.reconnectTimer.unref();
    this.reconnectMs = Math.min(RECONNECT_MAX_MS, this.reconnectMs * 2);
  }

  private onNotify(payload: string): void {
    const [schema, from, to] = payload.split(':');
    if (schema !== this.schema) return;
    const first = Number(from);
    const last = Number(to);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return;
    this.enqueue(() => eventsBetween(this.db, first, last));
  }

  private enqueue(read: () => Promise<LiveEvent[]>): void {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      try {
        for (const event of await read()) this.emit(event);
      } catch (err) {
        this.log.warn({ err }, 'live events: could not read notified events');
      }
    });
  }

  private emit(event: LiveEvent): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > SEEN_KEPT) this.seen.delete(this.seen.values().next().value as number);
    if (event.id > this.lastId) this.lastId = event.id;
    for (const listener of this.listeners) listener(event);
  }
}
