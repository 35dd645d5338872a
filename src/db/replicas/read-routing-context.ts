import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where one request's statements may go. Set by the HTTP layer for each request; work outside a
 * request (jobs, migrations, the CLI, start-up) has none and always uses the primary.
 */
export interface RequestReadRouting {
  /** A GET/HEAD that may read from a replica; everything else uses the primary. */
  readonly readOnly: boolean;
  /** The latest WAL position this request's principal wrote (0n: none known). */
  minLsn: bigint;
  /**
   * Set when this request wrote (a transaction, or a statement a replica refused): its later
   * reads use the primary, and its WAL position is noted when it answers.
   */
  wrote: boolean;
}

const storage = new AsyncLocalStorage<RequestReadRouting>();

/** Runs `work` (and everything it starts) under `routing`. */
export function runWithReadRouting<T>(routing: RequestReadRouting, work: () => T): T {
  return storage.run(routing, work);
}

/** The routing of the request this code runs for, if any. */
export function currentReadRouting(): RequestReadRouting | undefined {
  return storage.getStore();
}
