import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { refreshAllRelationships } from '../modules/accounts/index.js';
import { runEscalationRules } from '../modules/support/index.js';
import { sweepSlaBreaches } from '../modules/support/index.js';
import { expireRawMail, RAW_MAIL_RETENTION_PASS_MS } from '../modules/support/index.js';
import { deliverDueWebhooks, fanOutEvents } from '../modules/platform/index.js';
import { startEmailChannel } from '../modules/support/index.js';
import { createJobRunner } from '../modules/platform/index.js';
import { expireIdempotencyKeys, IDEMPOTENCY_EXPIRY_PASS_MS } from '../modules/platform/index.js';
import { deleteEndedRateLimitWindows, RATE_LIMIT_EXPIRY_PASS_MS } from '../modules/identity/index.js';
import { runSuccessPass } from '../modules/success/index.js';
import { runLibraryReviewPass } from '../modules/presales/index.js';
import type { JobRunner } from '../modules/platform/index.js';
import type { Config } from './config.js';
import { buildServer } from './server.js';
import { wireModules } from './wire-modules.js';

export interface RunningWorkbench {
  app: FastifyInstance;
  db: Db;
  url: string;
  jobs: JobRunner;
  stop(): Promise<void>;
}

const RELATIONSHIP_REFRESH_MS = 6 * 60 * 60 * 1000;
const SUPPORT_PASS_MS = 60 * 1000;
// Health moves with tickets, interactions and usage through the day; the snapshot of the day is rewritten each pass.
const SUCCESS_PASS_MS = 60 * 60 * 1000;
const LIBRARY_REVIEW_PASS_MS = 24 * 60 * 60 * 1000;
const WEBHOOK_PASS_MS = 5 * 1000;

export interface WorkbenchOptions {
  /**
   * Multiplies every job period (`OUTPOST_JOB_PERIOD_SCALE`): 0.05 runs the one-minute SLA pass
   * every 3 s. For tests and demos; production keeps 1.
   */
  jobPeriodScale?: number;
  /** PostgreSQL: the schema pg-boss keeps its job tables in (`OUTPOST_JOBS_SCHEMA`, default `pgboss`). */
  jobsSchema?: string;
}

/** Opens and migrates the database, starts the HTTP server and the scheduled jobs. */
export async function startWorkbench(
  config: Config,
  beforeListen?: (db: Db) => Promise<void>,
  options: WorkbenchOptions = {},
): Promise<RunningWorkbench> {
  wireModules();
  // The server's own writes never wait for a checkpoint on SQLite (src/db/sqlite-checkpointer.ts).
  let warn = (message: string) => console.warn(`SQLite checkpoint failed: ${message}`);
  let replicaNews = (message: string, _up: boolean) => console.warn(message);
  const db = connect(config.databaseUrl, {
    backgroundCheckpoints: true,
    onCheckpointError: (message) => warn(message),
    readReplicas: {
      urls: config.databaseReadUrls,
      maxLagBytes: config.replicaMaxLagBytes,
      onEvent: (message, up) => replicaNews(message, up),
    },
  });
  if (db.dialect === 'sqlite' && config.databaseReadUrls.length > 0)
    console.warn('DATABASE_READ_URL is ignored: read replicas need PostgreSQL, and DATABASE_URL is a SQLite file.');
  await migrateToLatest(db);
  if (beforeListen) await beforeListen(db);
  const app = await buildServer({ db, config });
  warn = (message) => app.log.warn({ message }, 'SQLite checkpoint failed');
  replicaNews = (message, up) => (up ? app.log.info(message) : app.log.warn(message));
  await app.listen({ port: config.port, host: config.host });

  // In-process timers on SQLite, pg-boss on PostgreSQL: on several nodes each job runs once per period.
  const jobs = createJobRunner(db, {
    log: app.log,
    schema: options.jobsSchema ?? process.env.OUTPOST_JOBS_SCHEMA,
    periodScale: options.jobPeriodScale ?? (process.env.OUTPOST_JOB_PERIOD_SCALE ? Number(process.env.OUTPOST_JOB_PERIOD_SCALE) : 1),
  });

  // Relationship depth uses a rolling window, so it drifts even when nothing is written.
  jobs.schedule('relationship-refresh', RELATIONSHIP_REFRESH_MS, () => refreshAllRelationships(db.kysely), { runAtStart: true });

  // SLA breaches and escalation rules: once a minute.
  jobs.schedule('support-pass', SUPPORT_PASS_MS, async () => {
    await sweepSlaBreaches(db.kysely);
    await runEscalationRules(db.kysely);
  });

  // Health, today's snapshot and the playbook rules: hourly, and at start so a new install has scores.
  jobs.schedule('success-pass', SUCCESS_PASS_MS, () => runSuccessPass(db.kysely), { runAtStart: true });

  // Answer-library entries past their review date: their owners are told, once per entry and lapse.
  jobs.schedule('library-review-pass', LIBRARY_REVIEW_PASS_MS, () => runLibraryReviewPass(db.kysely), { runAtStart: true });

  // Stored Idempotency-Key responses are replayed for a day, then deleted.
  jobs.schedule('idempotency-expiry', IDEMPOTENCY_EXPIRY_PASS_MS, () => expireIdempotencyKeys(db.kysely), { runAtStart: true });
  // Rate-limit windows that have ended (sign-in attempts, token creation) are deleted too.
  jobs.schedule('rate-limit-expiry', RATE_LIMIT_EXPIRY_PASS_MS, () => deleteEndedRateLimitWindows(db.kysely), { runAtStart: true });
  // Raw copies of inbound mail are kept OUTPOST_RAW_MAIL_DAYS (default 90), quarantined mail's until it is dealt with.
  jobs.schedule('raw-mail-expiry', RAW_MAIL_RETENTION_PASS_MS, () => expireRawMail(db.kysely), { runAtStart: true });

  // Webhooks: fan new events out to subscriptions and send what is due, every few seconds.
  jobs.schedule('webhook-pass', WEBHOOK_PASS_MS, async () => {
    await fanOutEvents(db.kysely);
    await deliverDueWebhooks(db.kysely, app.secretBox);
  });

  // E-mail: outbox delivery when OUTPOST_SMTP_URL is set, the SMTP listener when its port is.
  const emailChannel = await startEmailChannel(db.kysely, app.log, undefined, jobs);
  try {
    await jobs.start();
  } catch (err) {
    await emailChannel.stop();
    await app.close();
    await db.close();
    throw err;
  }

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  return {
    app,
    db,
    // PORT=0 asks for any free port: show the one it got.
    url: `http://${shownHost}:${typeof address === 'object' && address ? address.port : config.port}`,
    jobs,
    stop: async () => {
      await jobs.stop();
      await emailChannel.stop();
      await app.close();
      await db.close();
    },
  };
}
