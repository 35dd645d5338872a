import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchema, testDialects } from '../../../db/test-database.js';
import { PgBossJobRunner } from './pg-boss-job-runner.js';
import { TimerJobRunner } from './timer-job-runner.js';
import type { JobRunner } from './job-runner.js';

const quiet = { error: () => {}, warn: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that takes `takesMs` and records when each pass ran, to check passes never overlap. */
function recordingJob(takesMs: number) {
  const passes: { start: number; end: number }[] = [];
  return {
    passes,
    handler: async () => {
      const start = Date.now();
      await sleep(takesMs);
      passes.push({ start, end: Date.now() });
    },
  };
}

function overlaps(passes: { start: number; end: number }[]): number {
  const sorted = [...passes].sort((a, b) => a.start - b.start);
  return sorted.filter((p, i) => i > 0 && p.start < sorted[i - 1]!.end).length;
}

describe('in-process job runner (SQLite)', () => {
  it('runs a job every period, at start when asked, and never two passes of it at once', async () => {
    const runner: JobRunner = new TimerJobRunner(quiet);
    const slow = recordingJob(70);
    const eager = recordingJob(0);
    runner.schedule('slow-job', 20, slow.handler);
    runner.schedule('eager-job', 60_000, eager.handler, { runAtStart: true });
    await runner.start();
    await sleep(400);
    await runner.stop();
    expect(eager.passes).toHaveLength(1);
    expect(slow.passes.length).toBeGreaterThanOrEqual(3);
    expect(overlaps(slow.passes)).toBe(0);
    expect(runner.runs('slow-job')).toBe(slow.passes.length);
  });

  it('keeps running after a pass fails, and logs it', async () => {
    const logged: object[] = [];
    const runner = new TimerJobRunner({ error: (obj) => logged.push(obj), warn: () => {} });
    let calls = 0;
    runner.schedule('flaky-job', 15, async () => {
      calls++;
      throw new Error('boom');
    });
    await runner.start();
    await sleep(100);
    await runner.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(logged[0]).toMatchObject({ job: 'flaky-job' });
  });

  it('refuses a job scheduled twice or with an unusable name', () => {
    const runner = new TimerJobRunner(quiet);
    runner.schedule('one-job', 10, async () => {});
    expect(() => runner.schedule('one-job', 10, async () => {})).toThrow(/twice/);
    expect(() => runner.schedule('Not A Name', 10, async () => {})).toThrow(/lowercase/);
  });
});

describe.runIf(testDialects().includes('postgres'))('pg-boss job runner (PostgreSQL)', () => {
  const url = process.env.OUTPOST_TEST_POSTGRES_URL!;
  const schema = `pgboss_t_${randomBytes(5).toString('hex')}`;
  afterAll(() => dropTestSchema(url, schema));

  it('runs a job once per period across two nodes, never two passes at once', async () => {
    // Two runners on one database and pg-boss schema stand for two nodes.
    const job = recordingJob(300);
    const nodes = [
      new PgBossJobRunner({ connectionString: url, schema, log: quiet }),
      new PgBossJobRunner({ connectionString: url, schema, log: quiet }),
    ];
    for (const node of nodes) node.schedule('tick', 1_000, job.handler, { runAtStart: true });
    const started = Date.now();
    for (const node of nodes) await node.start();
    await sleep(5_500);
    await Promise.all(nodes.map((n) => n.stop()));
    const seconds = (Date.now() - started) / 1000;
    // Each node offers a pass every second; timers alone would run ~2 a second.
    expect(job.passes.length).toBeGreaterThanOrEqual(3);
    expect(job.passes.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(overlaps(job.passes)).toBe(0);
    expect(nodes[0]!.runs('tick') + nodes[1]!.runs('tick')).toBe(job.passes.length);
  }, 30_000);
});
