import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../src/modules/platform/contract/events';

/**
 * Live updates for the agent workspace: one EventSource per browser tab on `/api/events/stream`
 * (Server-Sent Events; any node of a cluster sends every node's changes), shared by every screen
 * that listens. An event invalidates the TanStack queries it affects, so queues, view counts and
 * the open ticket refetch on their own.
 */

export interface LiveStatus {
  /** `live` once the stream is open; `connecting` while (re)connecting. */
  state: 'connecting' | 'live';
  /** When the last event arrived (ms since epoch), or null. */
  lastEventAt: number | null;
}

const STREAM_URL = '/api/events/stream';
/** A screen change unmounts one listener and mounts the next; do not drop the stream in between. */
const CLOSE_GRACE_MS = 5_000;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

type Listener = (event: LiveEvent) => void;

class LiveEventStream {
  private source: EventSource | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly watchers = new Set<() => void>();
  private status: LiveStatus = { state: 'connecting', lastEventAt: null };
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    if (!this.source && !this.retryTimer) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeTimer = setTimeout(() => this.shut(), CLOSE_GRACE_MS);
    };
  }

  watch = (watcher: () => void): (() => void) => {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  };

  snapshot = (): LiveStatus => this.status;

  private setStatus(next: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...next };
    for (const watcher of this.watchers) watcher();
  }

  private open(): void {
    const source = new EventSource(STREAM_URL, { withCredentials: true });
    this.source = source;
    source.addEventListener('ready', () => {
      this.retryMs = RETRY_FIRST_MS;
      this.setStatus({ state: 'live' });
    });
    source.addEventListener('ticket', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      this.setStatus({ lastEventAt: Date.now() });
      for (const listener of this.listeners) listener(event);
    });
    source.onerror = () => {
      this.setStatus({ state: 'connecting' });
      // A dropped connection is retried by the browser itself (with Last-Event-ID, so nothing is
      // missed); a refused one (signed out, server restarting) is closed, so retry with backoff.
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.listeners.size > 0) this.open();
      }, this.retryMs);
      this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    };
  }

  private shut(): void {
    this.closeTimer = null;
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.setStatus({ state: 'connecting' });
  }
}

const stream = new LiveEventStream();

/** A burst of events (a bulk change, an SLA sweep) refetches each query once, not once per event. */
const BATCH_MS = 250;

function invalidator(client: QueryClient, staleKeys: (event: LiveEvent) => QueryKey[]): Listener {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (event) => {
    for (const key of staleKeys(event)) pending.set(JSON.stringify(key), key);
    timer ??= setTimeout(() => {
      timer = null;
      const keys = [...pending.values()];
      pending.clear();
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    }, BATCH_MS);
  };
}

/**
 * Keeps a screen current while it is open: listens to the live stream and invalidates the queries
 * each event makes stale (the module that owns the screen says which). Returns the stream's
 * status for an indicator. `staleKeys` should be a stable function (module level).
 */
export function useLiveEvents(staleKeys: (event: LiveEvent) => QueryKey[]): LiveStatus {
  const client = useQueryClient();
  useEffect(() => stream.listen(invalidator(client, staleKeys)), [client, staleKeys]);
  return useSyncExternalStore(stream.watch, stream.snapshot);
}
