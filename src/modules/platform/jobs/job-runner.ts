/**
 * Periodic work (SLA sweeps, escalation rules, webhooks, the e-mail outbox, relationship refresh)
 * behind one small interface, so the composition root says what runs how often and never how.
 * Two implementations, chosen once at start-up from the database dialect (see `createJobRunner`):
 * in-process timers for the embedded SQLite (one node), pg-boss for PostgreSQL (several nodes).
 */
export interface JobRunner {
  /** `timers` runs every job on this process; `pg-boss` runs each job once across all nodes. */
  readonly kind: 'timers' | 'pg-boss';
  /**
   * Runs `handler` every `everyMs`, never two passes of one job at once. `runAtStart` also runs
   * it as soon as the runner starts. Call before `start()`.
   *
   * @example jobs.schedule('sla-sweep', 60_000, () => sweepSlaBreaches(db))
   */
  schedule(name: string, everyMs: number, handler: () => Promise<unknown>, options?: { runAtStart?: boolean }): void;
  start(): Promise<void>;
  /** Stops scheduling and waits (bounded) for passes in flight. */
  stop(): Promise<void>;
  /** How many passes of the job this node has run, for tests and diagnostics. */
  runs(name: string): number;
}

export interface JobLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ScheduledJob {
  name: string;
  everyMs: number;
  handler: () => Promise<unknown>;
  runAtStart: boolean;
}

/** Job names become pg-boss queue names and log fields: short, lowercase, dashes. */
export function assertJobName(name: string): void {
  if (!/^[a-z][a-z0-9-]{0,48}$/.test(name)) throw new Error(`Job name "${name}" must be lowercase letters, digits and dashes`);
}
