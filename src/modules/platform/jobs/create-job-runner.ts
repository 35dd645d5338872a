import type { Db } from '../../../db/connect.js';
import type { JobLog, JobRunner } from './job-runner.js';
import { PgBossJobRunner } from './pg-boss-job-runner.js';
import { TimerJobRunner } from './timer-job-runner.js';

export const DEFAULT_JOBS_SCHEMA = 'pgboss';

export interface JobRunnerOptions {
  log: JobLog;
  /** PostgreSQL: the schema pg-boss keeps its tables in. */
  schema?: string;
  /** Multiplies every period: below 1 the jobs run more often (tests, demos). */
  periodScale?: number;
}

/**
 * The runner for this database, chosen once: pg-boss on PostgreSQL (jobs run once across nodes),
 * in-process timers on SQLite (the embedded database has one node by nature).
 *
 * @example const jobs = createJobRunner(db, { log: app.log }); jobs.schedule(…); await jobs.start();
 */
export function createJobRunner(db: Db, options: JobRunnerOptions): JobRunner {
  let runner: JobRunner;
  if (db.dialect === 'postgres') {
    if (!db.connectionString) throw new Error('A PostgreSQL database needs its connection string for the job runner');
    runner = new PgBossJobRunner({
      connectionString: db.connectionString,
      schema: options.schema ?? DEFAULT_JOBS_SCHEMA,
      log: options.log,
    });
  } else {
    runner = new TimerJobRunner(options.log);
  }
  const scale = options.periodScale ?? 1;
  if (!(scale > 0)) throw new Error(`The job period scale must be a positive number, not ${scale}`);
  if (scale === 1) return runner;
  const schedule = runner.schedule.bind(runner);
  runner.schedule = (name, everyMs, handler, scheduleOptions) =>
    schedule(name, Math.max(1, Math.round(everyMs * scale)), handler, scheduleOptions);
  return runner;
}
