/**
 * `npm run bench`: the workbench under load on a generated dataset, against a same-run baseline
 * (issue 7). Usage: npm run bench -- [--scale 100000] [--postgres] [--duration 10] [--connections 2] [--fresh]
 *
 * 1. Generates (or reuses a cached) dataset in a temp folder; `--postgres` uses a fresh database
 *    `outpost_bench` on the local PostgreSQL.
 * 2. Times, in-process, one SLA sweep over every open ticket (the sweep's watermark is reset to the
 *    epoch, so its three range scans cover every due target up to now) and one escalation-rule
 *    pass with the dataset's two rules.
 * 3. Starts the workbench (`outpost serve`) and the bare baseline server as child processes on
 *    127.0.0.1, signs in a member and a portal contact, and drives each endpoint with autocannon
 *    for a bounded time and request count.
 * 4. Prints a table and writes bench/results/latest.json, and the same as
 *    bench/results/<database>-<scale>.json, so that SQLite and PostgreSQL runs are kept side by side.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connect } from '../src/db/connect.js';
import { writeSetting } from '../src/kernel/settings.js';
import { runEscalationRules } from '../src/modules/support/escalation/escalation-rule-service.js';
import { sweepSlaBreaches } from '../src/modules/support/sla/sla-service.js';
import { preparePostgres, prepareSqlite, type PreparedDataset } from './dataset.js';
import { figures, round, table, type EndpointFigures } from './stats.js';
import { capacityLoads, sampleDataset } from './capacity-loads.js';
import { freePort, peakRssMb, signInBenchUsers, sleep, startChild, stopChildren, waitForIdle } from './harness.js';
import { wireModules } from '../src/app/wire-modules.js';
import { measureHealthSnapshot } from './health-snapshot.js';
import { measureUsageIngest } from './usage-ingest.js';
import { analyticsLoads } from './analytics.js';
import { measureQuestionnaireAutofill } from './questionnaire-autofill.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    postgres: { type: 'boolean', default: false },
    'postgres-url': { type: 'string', default: process.env.OUTPOST_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '2' },
    'max-requests': { type: 'string', default: '60000' },
    fresh: { type: 'boolean', default: false },
    // PostgreSQL: the database to generate into (several runs side by side need their own) and
    // whether a finished dataset of the same scale there is reused instead of generated again.
    'pg-database': { type: 'string', default: 'outpost_bench' },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});
const scale = Number(args.scale);
const duration = Number(args.duration);
const connections = Number(args.connections);
const maxRequests = Number(args['max-requests']);
const log = (line: string) => process.stderr.write(`${line}\n`);

process.once('SIGINT', () => {
  stopChildren();
  process.exit(130);
});

interface Load {
  method?: 'GET' | 'POST';
  path: () => string;
  body?: () => string;
  headers: Record<string, string>;
}

/** One endpoint under load: `connections` clients for `duration` s or `maxRequests`, whichever ends first. */
async function drive(base: string, load: Load, seconds = duration): Promise<{ latencies: number[]; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    maxOverallRequests: maxRequests,
    timeout: 30,
    requests: [
      {
        method: load.method ?? 'GET',
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
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, seconds: elapsed, errors: errors + result.errors + result.timeouts };
}

function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

async function main() {
  wireModules();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-'));
  const database = args.postgres ? 'postgres' : 'sqlite';
  // Pre-sales auto-fill (issue 16) on its own SQLite database: it needs none of the dataset below.
  const wanted = args.only ? args.only.split(',') : null;
  const autofill = !wanted || wanted.includes('questionnaire_autofill') ? await measureQuestionnaireAutofill(runDir) : null;
  if (autofill)
    log(
      `questionnaire_autofill ${autofill.ms} ms cold, ${autofill.warmMs} ms warm: ${autofill.questions} questions against ${autofill.entries} entries, ${autofill.suggested} suggested (${autofill.stale} stale) (target ≤ 3,000 ms on SQLite)`,
    );
  if (wanted?.includes('zendesk_import') && (await (await import('./zendesk-import.js')).benchZendeskImport(runDir, wanted, log))) return;
  if (wanted?.every((name) => name === 'questionnaire_autofill')) {
    process.stdout.write(`${JSON.stringify({ questionnaire_autofill_ms: autofill?.ms ?? null, details: autofill }, null, 2)}\n`);
    fs.rmSync(runDir, { recursive: true, force: true });
    return;
  }
  log(`Outpost bench: ${scale} tickets on ${database}, ${connections} connections, ${duration} s per endpoint (run folder ${runDir})`);
  const dataset: PreparedDataset = args.postgres
    ? await preparePostgres(scale, args['postgres-url'], args['pg-database'], args.reuse)
    : await prepareSqlite(scale, runDir, args.fresh);
  log(`Dataset: ${dataset.summary.rows} rows, generated at ${dataset.summary.rowsPerSecond} rows/s${dataset.cached ? ' (cached)' : ''}`);

  // Samples of ids to rotate through, read once, and the in-process timings.
  const db = connect(dataset.databaseUrl);
  const sample = await sampleDataset(db, scale);
  const { ticketIds } = sample;
  const openTickets = Number(
    (
      await db.kysely
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['new', 'open', 'pending', 'on_hold'])
        .executeTakeFirstOrThrow()
    ).n,
  );
  await writeSetting(db.kysely, 'support.sla_sweep_watermark', '1970-01-01T00:00:00.000Z');
  let t = performance.now();
  const sweep = await sweepSlaBreaches(db.kysely);
  const slaSweepMs = round(performance.now() - t, 1);
  log(
    `SLA sweep over ${openTickets} open tickets: ${slaSweepMs} ms (${sweep.checked} with a due target up to now, ${sweep.breaches.length} new breaches)`,
  );
  t = performance.now();
  const pass = await runEscalationRules(db.kysely);
  const escalationPassMs = round(performance.now() - t, 1);
  log(`Escalation-rule pass: ${escalationPassMs} ms (${pass.examined} candidates, ${pass.fired.length} fired)`);
  // The success module's daily pass: every account's health scored and today's snapshot written.
  const healthSnapshot = await measureHealthSnapshot(db.kysely);
  log(`Health snapshot over ${healthSnapshot.accounts} accounts: ${healthSnapshot.ms} ms (target ≤ 30,000 ms on SQLite)`);
  await db.close();

  // The workbench and the baseline, each in its own process. The workbench is measured as
  // `npm start` runs it, compiled: under tsx its memory held every module's source map too
  // (~70 MB at 100k tickets), which counted against the RSS target.
  log('Compiling the server (tsc -p tsconfig.build.json)');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const port = freePort(1);
  const base = `http://127.0.0.1:${port}`;
  const server = await startChild(
    'outpost serve',
    'dist/src/cli/main.js',
    ['serve'],
    {
      DATABASE_URL: dataset.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OUTPOST_DATA_DIR: runDir,
      OUTPOST_WEB_ROOT: path.join(runDir, 'no-web'),
    },
    `${base}/readyz`,
    args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [],
  );

  log(`Server up; waited ${Math.round((await waitForIdle(server.pid!)) / 1000)} s for its start-up work to finish`);
  const { member, portal } = await signInBenchUsers(base);

  // The baseline answers with as many bytes as the ticket page does.
  let pageBytes = 0;
  for (const id of ticketIds.slice(0, 20))
    pageBytes += (await (await fetch(`${base}/api/tickets/${id}`, { headers: member })).text()).length;
  pageBytes = Math.round(pageBytes / 20);
  const baselinePort = freePort(2);
  const baseline = await startChild(
    'baseline',
    'bench/baseline-server.ts',
    [],
    { BASELINE_DATABASE: dataset.baselineTarget, PORT: String(baselinePort), BASELINE_BYTES: String(pageBytes) },
    `http://127.0.0.1:${baselinePort}/row/none`,
  );
  const baselineIds = rotate(ticketIds);
  await drive(`http://127.0.0.1:${baselinePort}`, { path: () => `/row/${baselineIds()}`, headers: {} }, 2);
  const baselineRun = await drive(`http://127.0.0.1:${baselinePort}`, { path: () => `/row/${baselineIds()}`, headers: {} });
  const baselineFigures = figures(baselineRun.latencies, baselineRun.seconds, baselineRun.errors, null);
  const baselineRps = baselineFigures.rps;
  baseline.kill('SIGTERM');
  log(`Baseline (${database}, ${pageBytes}-byte JSON): ${baselineRps} rps, p99 ${baselineFigures.p99_ms} ms`);

  // The endpoints that bench/capacity.ts measures too, in the order this run drives them: reads
  // first (the analytics charts and the segment ranking among them), writes last.
  const { create_ticket, add_reply, ...reads } = capacityLoads(sample, member, portal);
  const loads: Record<string, Load> = {
    ...reads,
    // The support manager's SLA-attainment and backlog charts over the last six months (issue 15).
    ...analyticsLoads(member),
    // Counting only one segment's customers: the score is aggregated from the items, not read stored.
    feedback_ranking_segment: { path: () => '/api/feature-requests?sort=score&segment=enterprise&limit=50', headers: member },
    create_ticket,
    add_reply,
  };

  const endpoints: Record<string, EndpointFigures> = {};
  const only = args.only ? new Set(args.only.split(',')) : null;
  for (const [name, load] of Object.entries(loads)) {
    if (only && !only.has(name)) continue;
    // A short warm-up: JIT, statement caches, the pages the endpoint reads.
    await drive(base, load, 1);
    const run = await drive(base, load);
    endpoints[name] = figures(run.latencies, run.seconds, run.errors, baselineRps);
    log(
      `${name.padEnd(18)} p50 ${endpoints[name].p50_ms} ms, p95 ${endpoints[name].p95_ms} ms, p99 ${endpoints[name].p99_ms} ms, ${endpoints[name].rps} rps${run.errors ? `, ${run.errors} errors` : ''}`,
    );
  }
  // Usage intake writes (batches of 1,000 events): measured after the read endpoints, which it would disturb.
  let usageIngest: { eventsPerSecond: number } | null = null;
  if (!only || only.has('usage_ingest')) {
    const tokenRes = await fetch(`${base}/api/tokens`, {
      method: 'POST',
      headers: { ...member, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench usage intake', scopes: ['usage:write', 'accounts.read'] }),
    });
    if (!tokenRes.ok) throw new Error(`creating the usage token failed: ${tokenRes.status} ${await tokenRes.text()}`);
    usageIngest = await measureUsageIngest(base, ((await tokenRes.json()) as { token: string }).token);
    log(`usage_ingest       ${usageIngest.eventsPerSecond} events/s (target ≥ 20,000)`);
  }
  const rssPeakMb = peakRssMb(server.pid!);
  // Waited for, so that a profiling server has written its profile before the run ends.
  const serverExited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([serverExited, sleep(30_000)]);

  const result = {
    scale,
    database,
    rss_peak_mb: rssPeakMb,
    sla_sweep_ms: slaSweepMs,
    escalation_pass_ms: escalationPassMs,
    health_snapshot_ms: healthSnapshot.ms,
    // The slower of the two analytics charts' p95 (target ≤ 500 ms at 1M tickets).
    analytics_p95_ms:
      endpoints.analytics_sla && endpoints.analytics_backlog
        ? Math.max(endpoints.analytics_sla.p95_ms, endpoints.analytics_backlog.p95_ms)
        : null,
    usage_ingest_events_per_s: usageIngest?.eventsPerSecond ?? null,
    questionnaire_autofill_ms: autofill?.ms ?? null,
    // Events per second per baseline request per second: the same machine's speed taken out.
    usage_ingest_ratio_to_baseline: usageIngest ? round(usageIngest.eventsPerSecond / baselineRps, 2) : null,
    seed_rows_per_s: dataset.summary.rowsPerSecond,
    endpoints,
    baseline: { ...baselineFigures, response_bytes: pageBytes },
    details: {
      at: new Date().toISOString(),
      connections,
      duration_s: duration,
      node: process.version,
      cpus: os.cpus().length,
      dataset: { ...dataset.summary, cached: dataset.cached },
      open_tickets: openTickets,
      sla_sweep: { checked: sweep.checked, breaches: sweep.breaches.length },
      escalation_pass: { examined: pass.examined, fired: pass.fired.length },
    },
  };
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const runFile = `${database}-${scale}${args.only ? `-only-${args.only.replaceAll(',', '+')}` : ''}.json`;
  for (const file of ['latest.json', runFile]) fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\n${table([...Object.entries(endpoints), ['baseline', baselineFigures]])}\n\n`);
  process.stdout.write(
    `scale ${scale} on ${database}: server RSS peak ${rssPeakMb} MB, SLA sweep ${slaSweepMs} ms, escalation pass ${escalationPassMs} ms, seed ${dataset.summary.rowsPerSecond} rows/s\n` +
      `health snapshot ${healthSnapshot.ms} ms over ${healthSnapshot.accounts} accounts, usage ingest ${usageIngest?.eventsPerSecond ?? '–'} events/s\n` +
      `Wrote bench/results/latest.json and bench/results/${runFile}\n`,
  );
  fs.rmSync(runDir, { recursive: true, force: true });
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    stopChildren();
    // autocannon's timers and the pg pool's sockets must not keep a finished run alive.
    setTimeout(() => process.exit(), 500).unref();
  });
