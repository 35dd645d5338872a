import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';

/** Metrics a module above platform adds to /metrics (e.g. support's mail counts), wired in src/app/wire-modules.ts. */
export type MetricsSource = (registry: Registry, db: Kysely<Database>) => void;
let metricsSources: MetricsSource[] = [];

/** Called once at start-up by src/app/wire-modules.ts (a port: platform may not import the modules above it). */
export function configureMetrics(sources: MetricsSource[]): void {
  metricsSources = sources;
}

/** Liveness, readiness and Prometheus metrics, for load balancers and monitoring. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'outpost_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  for (const source of metricsSources) source(registry, app.db.kysely);
  const groupCommitStats = app.db.groupCommitStats;
  if (groupCommitStats) {
    // SQLite's group commit: transactions ÷ commits is how many writes one COMMIT carried.
    for (const [name, help, key] of [
      ['outpost_sqlite_commits_total', 'COMMITs of write groups on SQLite', 'commits'],
      ['outpost_sqlite_transactions_total', 'Write transactions committed on SQLite (in groups)', 'transactions'],
    ] as const)
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(groupCommitStats()[key]);
        },
      });
  }
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.db.kysely);
      return { status: 'ready', database: app.db.dialect };
    } catch {
      return reply.status(503).send({ error: { code: 'server.not_ready', message: 'The database is not reachable.', details: {} } });
    }
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
};
