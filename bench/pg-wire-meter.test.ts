import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDialects } from '../src/db/test-database.js';
import { startPgWireMeter, type PgWireMeter } from './pg-wire-meter.js';
import { startPostgresCpuLedger } from './postgres-cpu.js';

// The relay measures PostgreSQL's wire protocol: there is nothing to measure on SQLite.
describe.runIf(testDialects().includes('postgres'))('the PostgreSQL wire meter (bench:capacity)', () => {
  const target = new URL(process.env.OUTPOST_TEST_POSTGRES_URL!);
  let meter: PgWireMeter;
  const ended: number[] = [];
  beforeAll(async () => {
    meter = await startPgWireMeter({ host: target.hostname, port: Number(target.port || 5432) }, (pid) => ended.push(pid));
  });
  afterAll(() => meter.close());

  function relayedClient(): pg.Client {
    const url = new URL(target);
    url.hostname = '127.0.0.1';
    url.port = String(meter.port);
    return new pg.Client({ connectionString: url.toString() });
  }

  it('counts statements and round trips, and names the backend serving the connection', async () => {
    const client = relayedClient();
    await client.connect();
    const before = meter.counts();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await client.query('begin');
    await client.query('select $1::int as n', [1]);
    await client.query('commit');
    const after = meter.counts();
    expect(after.statements - before.statements).toBe(4);
    expect(after.roundTrips - before.roundTrips).toBe(4);
    expect(after.waitMs).toBeGreaterThan(before.waitMs);
    expect(meter.backendPids().has(pid)).toBe(true);

    await client.end();
    expect(ended).toContain(pid);
    expect(meter.backendPids().has(pid)).toBe(false);
  });

  it('reads the CPU time of the backends it names', async () => {
    const client = relayedClient();
    await client.connect();
    const ledger = startPostgresCpuLedger(target.pathname.slice(1), meter.backendPids, 50);
    try {
      const before = ledger.totals().backends;
      // About a second of CPU in the backend: 3M rows generated and summed.
      await client.query('select sum(g) from generate_series(1, 3000000) g');
      expect(ledger.totals().backends - before).toBeGreaterThan(0.05);
    } finally {
      ledger.stop();
      await client.end();
    }
  });
});
