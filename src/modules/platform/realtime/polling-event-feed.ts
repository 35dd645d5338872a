import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { eventsAfter, latestEventId, type EventFeed, type LiveEventListener } from './event-feed.js';

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * SQLite: reads the outbox by id every ~500 ms while someone is listening. SQLite has one writer at
 * a time, so ids commit in order and "above the last id seen" misses nothing; polling also sees
 * rows written by another process on the same file (an `outpost import`, a relay), which an
 * in-process emitter would not, and needs no after-commit hook in every service.
 */
export class PollingEventFeed implements EventFeed {
  private readonly listeners = new Set<LiveEventListener>();
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private lastId = 0;
  private polling = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Log,
    private readonly intervalMs = 500,
  ) {}

  async subscribe(listener: LiveEventListener): Promise<() => void> {
    this.listeners.add(listener);
    this.starting ??= this.start();
    try {
      await this.starting;
    } catch (err) {
      this.listeners.delete(listener);
      this.starting = null;
      throw err;
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.pause();
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.pause();
  }

  private async start(): Promise<void> {
    this.lastId = await latestEventId(this.db);
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.starting = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const events = await eventsAfter(this.db, this.lastId);
      for (const event of events) {
        this.lastId = event.id;
        for (const listener of this.listeners) listener(event);
      }
    } catch (err) {
      this.log.warn({ err }, 'live event poll failed');
    } finally {
      this.polling = false;
    }
  }
}
