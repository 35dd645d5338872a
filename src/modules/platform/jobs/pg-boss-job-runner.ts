import PgBoss from 'pg-boss';
import { assertJobName, type JobLog, type JobRunner, type ScheduledJob } from './job-runner.js';

export interface PgBossJobRunnerOptions {
  connectionString: string;
  /** Where pg-boss keeps its tables; one schema per workbench sharing the database. */
  schema: string;
  log: JobLog;
}

/** pg-boss refuses expiries of a day or more; a pass that takes longer is stuck, not slow. */
const MAX_EXPIRE_S = 23 * 60 * 60;
const MIN_EXPIRE_S = 15 * 60;

/**
 * Runs each scheduled job once across every node on one PostgreSQL database.
 *
 * How: each job is a pg-boss queue with the `stately` policy (at most one pass queued and one
 * running, cluster-wide). Every node ticks a local timer each period and *offers* a pass with
 * `singletonSeconds` = the period: pg-boss keys the job by the period's slot computed from the
 * database clock (`floor(now() / period)`), so however many nodes offer, one job per slot exists,
 * and node clock skew does not matter. Whichever node's worker fetches it first (SKIP LOCKED)
 * runs it. A pass that outlasts its period makes the next one wait instead of overlapping.
 *
 * Why not pg-boss `schedule` (cron): its granularity is one minute, too coarse for the 5–10 s
 * webhook and outbox passes. Why not an advisory-lock leader: one stalled leader would hold every
 * job, whereas here any live node picks up the next slot, and a pass on a node that died expires
 * and frees the queue. Periods below one second are rounded up to one second (the slot unit).
 */
export class PgBossJobRunner implements JobRunner {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly counts = new Map<string, number>();
  private stopped = false;

  constructor(private readonly options: PgBossJobRunnerOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      application_name: 'outpost-jobs',
      max: 3,
      // Cron scheduling is not used (see above); maintenance (expiry, archiving) runs on every node,
      // pg-boss serialises it itself.
      schedule: false,
      supervise: true,
    });
    this.boss.on('error', (err: unknown) => options.log.error({ err }, 'pg-boss error'));
  }

  schedule(name: string, everyMs: number, handler: () => Promise<unknown>, options: { runAtStart?: boolean } = {}): void {
    assertJobName(name);
    if (this.jobs.some((j) => j.name === name)) throw new Error(`Job "${name}" is scheduled twice`);
    this.jobs.push({ name, everyMs, handler, runAtStart: options.runAtStart ?? false });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const job of this.jobs) {
      const queue = queueName(job.name);
      const periodS = slotSeconds(job.everyMs);
      const expireInSeconds = Math.min(MAX_EXPIRE_S, Math.max(MIN_EXPIRE_S, 2 * periodS));
      // A failed pass is not retried: the next slot is the retry.
      await this.boss.createQueue(queue, { name: queue, policy: 'stately', retryLimit: 0, expireInSeconds });
      await this.boss.work(queue, { pollingIntervalSeconds: pollingSeconds(periodS), batchSize: 1 }, async () => {
        try {
          await job.handler();
        } catch (err) {
          this.options.log.error({ err, job: job.name }, 'scheduled job failed');
        } finally {
          this.counts.set(job.name, this.runs(job.name) + 1);
        }
      });
      const offer = () => {
        if (this.stopped) return;
        this.boss
          .send(queue, {}, { singletonSeconds: periodS })
          .catch((err: unknown) => this.options.log.warn({ err, job: job.name }, 'could not offer a job pass'));
      };
      const timer = setInterval(offer, job.everyMs);
      timer.unref();
      this.timers.push(timer);
      if (job.runAtStart) offer();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  runs(name: string): number {
    return this.counts.get(name) ?? 0;
  }
}

function queueName(job: string): string {
  return `outpost.${job}`;
}

function slotSeconds(everyMs: number): number {
  return Math.max(1, Math.round(everyMs / 1000));
}

/** Fetch about four times a period, between pg-boss's floor of 0.5 s and 10 s. */
function pollingSeconds(periodS: number): number {
  return Math.min(10, Math.max(0.5, periodS / 4));
}
