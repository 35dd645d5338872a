import { assertJobName, type JobLog, type JobRunner, type ScheduledJob } from './job-runner.js';

/**
 * In-process timers: what one node on SQLite needs. A pass that is still running when its next
 * tick comes is not started twice; the tick is skipped.
 */
export class TimerJobRunner implements JobRunner {
  readonly kind = 'timers' as const;
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly counts = new Map<string, number>();
  private stopped = false;

  constructor(private readonly log: JobLog) {}

  schedule(name: string, everyMs: number, handler: () => Promise<unknown>, options: { runAtStart?: boolean } = {}): void {
    assertJobName(name);
    if (this.jobs.some((j) => j.name === name)) throw new Error(`Job "${name}" is scheduled twice`);
    this.jobs.push({ name, everyMs, handler, runAtStart: options.runAtStart ?? false });
  }

  async start(): Promise<void> {
    for (const job of this.jobs) {
      const timer = setInterval(() => this.pass(job), job.everyMs);
      // Timers never keep the process alive on their own: the HTTP server does.
      timer.unref();
      this.timers.push(timer);
      if (job.runAtStart) this.pass(job);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.inFlight.values());
  }

  runs(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  private pass(job: ScheduledJob): void {
    if (this.stopped || this.inFlight.has(job.name)) return;
    const run = (async () => {
      try {
        await job.handler();
      } catch (err) {
        this.log.error({ err, job: job.name }, 'scheduled job failed');
      } finally {
        this.counts.set(job.name, this.runs(job.name) + 1);
        this.inFlight.delete(job.name);
      }
    })();
    this.inFlight.set(job.name, run);
  }
}
