import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { refreshHealth } from './health-refresh.js';

/**
 * Health refreshes asked for by writes (usage batches, licence changes), taken off the request
 * path: the accounts named within REFRESH_DELAY_MS are rescored together by one `refreshHealth`,
 * so a product posting batch after batch is answered at the speed of its own writes (the bench's
 * usage_ingest halved when every batch rescored its accounts before answering). A reader of one
 * account's health awaits `healthSettled` first, so whoever posted usage sees its effect at once.
 * If the process stops before the refresh runs, the hourly success pass catches up.
 */
const REFRESH_DELAY_MS = 200;

interface Refresher {
  pending: Set<string>;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  onError: (err: unknown) => void;
}

const refreshers = new WeakMap<Kysely<Database>, Refresher>();

function refresherOf(db: Kysely<Database>): Refresher {
  let r = refreshers.get(db);
  if (!r) refreshers.set(db, (r = { pending: new Set(), timer: null, running: null, onError: () => {} }));
  return r;
}

/** Rescore these accounts soon (together with any others asked for meanwhile). */
export function requestHealthRefresh(db: Kysely<Database>, accountIds: readonly string[], onError: (err: unknown) => void): void {
  if (accountIds.length === 0) return;
  const r = refresherOf(db);
  for (const id of accountIds) r.pending.add(id);
  r.onError = onError;
  if (!r.timer) {
    r.timer = setTimeout(() => void flush(db), REFRESH_DELAY_MS);
    r.timer.unref();
  }
}

async function flush(db: Kysely<Database>): Promise<void> {
  const r = refresherOf(db);
  r.timer = null;
  // One refresh at a time; accounts asked for while it runs wait for the next one.
  while (r.running) await r.running;
  const ids = [...r.pending];
  r.pending.clear();
  if (ids.length === 0) return;
  r.running = refreshHealth(db, new Date(), ids)
    .catch((err: unknown) => r.onError(err))
    .finally(() => {
      r.running = null;
    });
  await r.running;
}

/** Waits until no refresh this process was asked for is pending for `accountId` (or for any account). */
export async function healthSettled(db: Kysely<Database>, accountId?: string): Promise<void> {
  const r = refreshers.get(db);
  if (!r) return;
  if (r.running) await r.running;
  if (accountId === undefined ? r.pending.size > 0 : r.pending.has(accountId)) {
    if (r.timer) clearTimeout(r.timer);
    await flush(db);
  }
}
