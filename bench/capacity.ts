/**
 * `npm run bench:capacity`: what one request of each endpoint costs the application and
 * PostgreSQL, and the capacity model built on it (docs/capacity.md).
 * Usage: npm run bench:capacity -- [--scale 100000] [--pg-database outpost_bench_capacity] [--reuse]
 *          [--requests 2000] [--max-seconds 60] [--connections 4] [--idle-seconds 30] [--only queue_view,…]
 *
 * 1. Prepares (or, with --reuse, reuses) the PostgreSQL bench dataset of bench/dataset.ts.
 * 2. Starts the workbench as a child process whose database connections all pass through a
 *    counting relay (bench/pg-wire-meter.ts): statements, round trips, the time spent waiting for
 *    PostgreSQL, and the pids of the backends serving it, whose CPU is read from /proc
 *    (bench/postgres-cpu.ts).
 * 3. Measures an idle window (no requests) before and after the endpoints, and for each endpoint
 *    drives `--requests` requests (at most `--max-seconds`), reading before and after: the server's
 *    CPU, PostgreSQL's CPU, the relay's counts and pg_stat_database (transactions, rows, active
 *    time). The idle rate × the window's length is taken out, then divided by the requests.
 * 4. Prints the costs and the model's tables as Markdown and writes bench/results/capacity-<database>.json.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { wireModules } from '../src/app/wire-modules.js';
import { connect } from '../src/db/connect.js';
import { capacityLoads, sampleDataset, WRITE_ENDPOINTS, type CapacityLoad } from './capacity-loads.js';
import {
  capacityTable,
  DEFAULT_ASSUMPTIONS,
  DESK_MIX,
  mixRequest,
  nodeRequestsPerSecond,
  nodesByConnections,
  fallbackShare,
  type CapacityAssumptions,
  type EndpointCost,
} from './capacity-model.js';
import { preparePostgres } from './dataset.js';
import { cpuSeconds, freePort, signInBenchUsers, sleep, startChild, stopChildren } from './harness.js';
import { startPgWireMeter } from './pg-wire-meter.js';
import { startPostgresCpuLedger, type PostgresCpuLedger } from './postgres-cpu.js';
import { figures, round } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    'postgres-url': { type: 'string', default: process.env.OUTPOST_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'pg-database': { type: 'string', default: 'outpost_bench_capacity' },
    reuse: { type: 'boolean', default: false },
    requests: { type: 'string', default: '2000' },
    'max-seconds': { type: 'string', default: '60' },
    connections: { type: 'string', default: '4' },
    'idle-seconds': { type: 'string', default: '30' },
    only: { type: 'string' },
  },
});
const scale = Number(args.scale);
const requests = Number(args.requests);
const maxSeconds = Number(args['max-seconds']);
const connections = Number(args.connections);
const idleSeconds = Number(args['idle-seconds']);
const database = args['pg-database'];
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A backend reports its counters to pg_stat_database when it goes idle, at most once a second and
 * at the latest 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL), or when it exits: a reading
 * taken this long after the last request sees all of them.
 */
const STATS_FLUSH_MS = 11_000;

process.once('SIGINT', () => {
  stopChildren();
  process.exit(130);
});

/** Everything read at one instant; a window's figures are differences of two readings. */
type Reading = Record<
  | 'seconds'
  | 'appCpuS'
  | 'dbBackendCpuS'
  | 'dbBackgroundCpuS'
  | 'statements'
  | 'roundTrips'
  | 'dbWaitMs'
  | 'connections'
  | 'transactions'
  | 'rowsFetched'
  | 'rowsScanned'
  | 'rowsWritten'
  | 'dbActiveMs'
  | 'blocksRead',
  number
>;

interface Probes {
  serverPid: number;
  ledger: PostgresCpuLedger;
  wire: () => { statements: number; roundTrips: number; waitMs: number; connections: number };
  monitor: pg.Client;
}

async function read(probes: Probes): Promise<Reading> {
  const stats = (
    await probes.monitor.query<Record<string, number>>(
      `select xact_commit + xact_rollback as transactions, tup_fetched, tup_returned,
              tup_inserted + tup_updated + tup_deleted as rows_written, active_time, blks_read
         from pg_stat_database where datname = $1`,
      [database],
    )
  ).rows[0]!;
  const db = probes.ledger.totals();
  const wire = probes.wire();
  return {
    seconds: performance.now() / 1000,
    appCpuS: cpuSeconds(probes.serverPid),
    dbBackendCpuS: db.backends,
    dbBackgroundCpuS: db.background,
    statements: wire.statements,
    roundTrips: wire.roundTrips,
    dbWaitMs: wire.waitMs,
    connections: wire.connections,
    transactions: Number(stats.transactions),
    rowsFetched: Number(stats.tup_fetched),
    rowsScanned: Number(stats.tup_returned),
    rowsWritten: Number(stats.rows_written),
    dbActiveMs: Number(stats.active_time),
    blocksRead: Number(stats.blks_read),
  };
}

function difference(before: Reading, after: Reading): Reading {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof Reading] - before[k as keyof Reading]])) as Reading;
}

/** A window's figures with `idlePerSecond` × its length taken out, per request. */
function perRequest(window: Reading, idlePerSecond: Reading, count: number): Reading {
  return Object.fromEntries(
    Object.keys(window).map((k) => {
      const key = k as keyof Reading;
      return [key, key === 'seconds' ? window.seconds : (window[key] - idlePerSecond[key] * window.seconds) / count];
    }),
  ) as Reading;
}

/**
 * Waits until neither the server nor its backends use CPU for 12 seconds running: the start-up
 * passes (relationship depth, health, expiries) are pg-boss jobs, picked up by polling every
 * 0.5–10 s, so a few quiet seconds can fall between two of them.
 */
async function waitUntilQuiet(probes: Probes, limitMs = 600_000): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = cpuSeconds(probes.serverPid) + probes.ledger.totals().backends;
  while (Date.now() - started < limitMs && quiet < 12) {
    await sleep(1000);
    const now = cpuSeconds(probes.serverPid) + probes.ledger.totals().backends;
    quiet = now - before < 0.05 ? quiet + 1 : 0;
    before = now;
  }
  return Date.now() - started;
}

/** `count` requests of one endpoint from `connections` clients, stopped after `seconds` at most. */
async function drive(base: string, load: CapacityLoad, count: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    maxOverallRequests: count,
    timeout: 30,
    requests: [
      {
        method: load.method,
        headers: { ...load.headers, ...(load.body ? { 'content-type': 'application/json' } : {}) },
        setupRequest: (request) => ({ ...request, path: load.path(), ...(load.body ? { body: load.body() } : {}) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 400) errors++;
    latencies.push(responseTime);
  });
  const result = await instance;
  return { latencies, seconds: (performance.now() - started) / 1000, errors: errors + result.errors + result.timeouts };
}

/** The server's max_connections less the superuser reserve and 5 for backups, psql and monitoring. */
async function usableConnections(monitor: pg.Client): Promise<number> {
  const setting = async (name: string) =>
    Number((await monitor.query<{ setting: string }>(`select setting from pg_settings where name = $1`, [name])).rows[0]!.setting);
  return (await setting('max_connections')) - (await setting('superuser_reserved_connections')) - 5;
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '∞');

function markdownTable(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function main() {
  wireModules();
  const runStarted = Date.now();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-capacity-'));
  log(
    `Outpost capacity bench: ${scale} tickets in PostgreSQL database ${database}, ${requests} requests per endpoint, ${connections} connections`,
  );
  const dataset = await preparePostgres(scale, args['postgres-url'], database, args.reuse);
  log(`Dataset: ${dataset.summary.rows} rows${dataset.cached ? ' (reused)' : ''}`);
  const db = connect(dataset.databaseUrl);
  const sample = await sampleDataset(db, scale);
  await db.close();

  const target = new URL(dataset.databaseUrl);
  let ledger: PostgresCpuLedger | null = null;
  const meter = await startPgWireMeter({ host: target.hostname, port: Number(target.port || 5432) }, (pid) => ledger?.recordEnding(pid));
  ledger = startPostgresCpuLedger(database, meter.backendPids);
  const monitor = new pg.Client({ connectionString: args['postgres-url'] });
  await monitor.connect();

  const relayed = new URL(dataset.databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(meter.port);
  const port = freePort(3);
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = await startChild(
    'outpost serve',
    'src/cli/main.ts',
    ['serve'],
    {
      DATABASE_URL: relayed.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OUTPOST_DATA_DIR: runDir,
      OUTPOST_WEB_ROOT: path.join(runDir, 'no-web'),
    },
    `${base}/readyz`,
  );
  const probes: Probes = { serverPid: server.pid!, ledger, wire: meter.counts, monitor };
  log(`Server up; waited ${Math.round((await waitUntilQuiet(probes)) / 1000)} s for its start-up work to finish`);
  const { member, portal } = await signInBenchUsers(base);
  const loads = capacityLoads(sample, member, portal);

  /** An idle window: the background cost (pg-boss polling, the periodic jobs) per second. */
  async function idleWindow(): Promise<Reading> {
    await sleep(STATS_FLUSH_MS);
    const before = await read(probes);
    await sleep(idleSeconds * 1000);
    const window = difference(before, await read(probes));
    return Object.fromEntries(Object.entries(window).map(([k, v]) => [k, k === 'seconds' ? 1 : v / window.seconds])) as Reading;
  }
  const idleBefore = await idleWindow();
  log(
    `Idle before: server ${round(idleBefore.appCpuS * 1000, 1)} ms CPU/s, PostgreSQL ${round(idleBefore.dbBackendCpuS * 1000, 1)} ms/s (+ ${round(idleBefore.dbBackgroundCpuS * 1000, 1)} ms/s background)`,
  );

  const windows: Record<string, { window: Reading; requests: number; errors: number; figures: ReturnType<typeof figures> }> = {};
  const only = args.only ? new Set(args.only.split(',')) : null;
  for (const [name, load] of Object.entries(loads)) {
    if (only && !only.has(name)) continue;
    // A warm-up: JIT, the plan caches of the backends, the pages the endpoint reads.
    await drive(base, load, Math.min(200, requests), 20);
    await sleep(STATS_FLUSH_MS);
    const before = await read(probes);
    const run = await drive(base, load, requests, maxSeconds);
    await sleep(STATS_FLUSH_MS);
    const window = difference(before, await read(probes));
    windows[name] = {
      window,
      requests: run.latencies.length,
      errors: run.errors,
      figures: figures(run.latencies, run.seconds, run.errors, null),
    };
    log(`${name.padEnd(18)} ${run.latencies.length} requests in ${round(run.seconds, 1)} s${run.errors ? `, ${run.errors} errors` : ''}`);
  }
  const idleAfter = await idleWindow();
  const idle = Object.fromEntries(
    Object.keys(idleBefore).map((k) => [k, (idleBefore[k as keyof Reading] + idleAfter[k as keyof Reading]) / 2]),
  ) as Reading;

  const serverExited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([serverExited, sleep(30_000)]);
  const assumptions: CapacityAssumptions = { ...DEFAULT_ASSUMPTIONS, usableConnections: await usableConnections(monitor) };
  const postgresVersion = (await monitor.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await monitor.end();
  ledger.stop();
  await meter.close();

  const endpoints = Object.fromEntries(
    Object.entries(windows).map(([name, w]) => {
      const cost = perRequest(w.window, idle, w.requests);
      return [
        name,
        {
          requests: w.requests,
          errors: w.errors,
          rps: w.figures.rps,
          p50_ms: w.figures.p50_ms,
          app_cpu_ms: round(cost.appCpuS * 1000, 3),
          db_cpu_ms: round(cost.dbBackendCpuS * 1000, 3),
          db_background_cpu_ms: round(cost.dbBackgroundCpuS * 1000, 3),
          db_active_ms: round(cost.dbActiveMs, 3),
          db_wait_ms: round(cost.dbWaitMs, 3),
          statements: round(cost.statements, 2),
          round_trips: round(cost.roundTrips, 2),
          transactions: round(cost.transactions, 2),
          rows_fetched: round(cost.rowsFetched, 1),
          rows_scanned: round(cost.rowsScanned, 1),
          rows_written: round(cost.rowsWritten, 2),
          blocks_read: round(cost.blocksRead, 2),
          window_s: round(w.window.seconds, 1),
        },
      ];
    }),
  );

  const out: string[] = [];
  out.push(
    markdownTable(
      [
        'endpoint',
        'req/s',
        'app CPU ms',
        'DB CPU ms',
        'DB bg CPU ms',
        'DB active ms',
        'DB wait ms',
        'statements',
        'round trips',
        'xacts',
        'rows written',
        'blocks read',
      ],
      Object.entries(endpoints).map(([name, e]) => [
        `${name}${WRITE_ENDPOINTS.has(name) ? ' (write)' : ''}`,
        e.rps,
        fixed(e.app_cpu_ms),
        fixed(e.db_cpu_ms),
        fixed(e.db_background_cpu_ms),
        fixed(e.db_active_ms),
        fixed(e.db_wait_ms),
        fixed(e.statements, 1),
        fixed(e.round_trips, 1),
        fixed(e.transactions, 1),
        fixed(e.rows_written, 1),
        fixed(e.blocks_read, 1),
      ]),
    ),
  );
  out.push(
    `\nIdle, per second (mean of the windows before and after): server ${fixed(idle.appCpuS * 1000, 1)} ms CPU, PostgreSQL backends ${fixed(idle.dbBackendCpuS * 1000, 1)} ms, background ${fixed(idle.dbBackgroundCpuS * 1000, 1)} ms, ${fixed(idle.statements, 1)} statements (before ${fixed(idleBefore.appCpuS * 1000, 1)} / ${fixed(idleBefore.dbBackendCpuS * 1000, 1)} ms, after ${fixed(idleAfter.appCpuS * 1000, 1)} / ${fixed(idleAfter.dbBackendCpuS * 1000, 1)} ms).`,
  );

  const measuredMix = Object.fromEntries(Object.entries(DESK_MIX).filter(([name]) => endpoints[name]));
  let model: unknown = null;
  if (Object.keys(measuredMix).length === Object.keys(DESK_MIX).length) {
    const costs: Record<string, EndpointCost> = Object.fromEntries(
      Object.entries(endpoints).map(([name, e]) => [
        name,
        // The background processes' share counts only when positive: it is the noisiest figure.
        {
          appCpuMs: Math.max(0, e.app_cpu_ms),
          dbCpuMs: Math.max(0, e.db_cpu_ms) + Math.max(0, e.db_background_cpu_ms),
          write: WRITE_ENDPOINTS.has(name),
        },
      ]),
    );
    const mixed = mixRequest(costs, measuredMix);
    const perNode = nodeRequestsPerSecond(mixed, assumptions);
    const rows = capacityTable(mixed, [2, 8, 32], [0, 1, 2, 4], assumptions);
    model = { mix: measuredMix, mixed, node_rps: perNode, fallback_share: fallbackShare(mixed, assumptions), assumptions, rows };
    out.push(
      `\nMix request: app ${fixed(mixed.appCpuMs, 3)} ms CPU, DB ${fixed(mixed.dbReadCpuMs, 3)} ms (reads) + ${fixed(mixed.dbWriteCpuMs, 3)} ms (writes), ${fixed(mixed.writeShare * 100, 0)} % writes; ` +
        `one node (1 core at ${assumptions.utilisationCeiling * 100} %) serves ${fixed(perNode, 0)} req/s; read-your-writes fallback ${fixed(fallbackShare(mixed, assumptions) * 100, 0)} % of reads; ` +
        `connections allow ${nodesByConnections(assumptions)} nodes (${assumptions.usableConnections} usable ÷ ${assumptions.connectionsPerNode}).\n`,
    );
    out.push(
      markdownTable(
        ['primary cores', 'replicas', 'DB tier req/s', 'limited by', 'nodes it feeds'],
        rows.map((r) => [r.cores, r.replicas, fixed(r.requestsPerSecond, 0), r.limitedBy, fixed(r.nodes, 1)]),
      ),
    );
  }
  const minutes = round((Date.now() - runStarted) / 60_000, 1);
  out.push(
    `\n${scale} tickets, PostgreSQL ${postgresVersion}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), run took ${minutes} min.`,
  );
  process.stdout.write(`${out.join('\n')}\n`);

  const result = {
    at: new Date().toISOString(),
    scale,
    database,
    requests_per_endpoint: requests,
    connections,
    cpus: os.cpus().length,
    postgres: postgresVersion,
    run_minutes: minutes,
    idle_per_second: { before: idleBefore, after: idleAfter },
    endpoints,
    model,
  };
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `capacity-${database}.json`), `${JSON.stringify(result, null, 2)}\n`);
  log(`Wrote bench/results/capacity-${database}.json`);
  fs.rmSync(runDir, { recursive: true, force: true });
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    stopChildren();
    // autocannon's timers and the relay's sockets must not keep a finished run alive.
    setTimeout(() => process.exit(), 500).unref();
  });
